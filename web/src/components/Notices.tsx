/** Messages about what a visitor asked for (ignored filters, unknown devices), in plain words. */
export function Notices({ title, messages }: { title: string; messages: readonly string[] }) {
  if (messages.length === 0) return null
  return (
    <div className="notices" role="status">
      <p className="notices-title">{title}</p>
      <ul>
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  )
}
