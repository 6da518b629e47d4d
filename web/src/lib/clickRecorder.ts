/**
 * Partner clicks, counted without personal data: which offer was followed and when. No IP address,
 * user agent, cookie or referrer is read, so there is nothing personal to store or leak.
 */
export interface PartnerClick {
  device: string
  offer: string
  partner: string
  at: Date
}

export interface ClickRecorder {
  record(click: PartnerClick): void | Promise<void>
}

/** One structured log line per click; a log pipeline (or a later database recorder) aggregates them. */
export function createLogClickRecorder(write: (line: string) => void = (line) => console.log(line)): ClickRecorder {
  return {
    record(click) {
      write(
        JSON.stringify({
          event: 'partner_click',
          device: click.device,
          offer: click.offer,
          partner: click.partner,
          time: click.at.toISOString(),
        }),
      )
    },
  }
}
