# The site as one image: `next start` on port 3000, built once from the lockfile. compose.yaml runs
# two of it behind nginx (README, "Running several servers"). Build it alone with, for example:
#   docker build --build-arg NEXT_PUBLIC_SITE_URL=https://www.example.com -t needle-notes-web .

ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: install the workspace and build the site ------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# NODE_ENV stays unset here: `pnpm install` would leave out the devDependencies the build needs
# (TypeScript, PostCSS), and `next build` sets it to production itself.
ENV CI=true NEXT_TELEMETRY_DISABLED=1

# The version package.json's packageManager names (another would switch to it, or disagree with the lockfile).
RUN npm install --global pnpm@10.34.9

# What `pnpm install --frozen-lockfile` reads: the lockfile, the workspace's list of packages, every
# package's manifest (the root's holds the overrides the lockfile was made with, and allows the
# `node` devDependency's install script), and .npmrc. This layer is rebuilt only when one changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY web/package.json web/
COPY studio/package.json studio/
COPY packages/content/package.json packages/content/
COPY packages/feeds/package.json packages/feeds/
COPY packages/local-lake/package.json packages/local-lake/
# The root links the lake's command (`local-lake`) to this file.
COPY packages/local-lake/src/cli.ts packages/local-lake/src/
COPY tests/package.json tests/
COPY bench/package.json bench/
# Every workspace package, as on a clean clone; the `node` package fetches the repository's Node 24
# with npm, and the build below runs on it.
RUN pnpm install --frozen-lockfile

COPY . .

# What the site reads when it is built (compose.yaml passes the same values to the servers): the
# NEXT_PUBLIC_* values go into the pages and scripts, and SANITY_STUDIO_URL into the security headers.
# NEXT_PUBLIC_SITE_URL is required; the others may stay empty (the embedded sample dataset).
ARG NEXT_PUBLIC_SITE_URL
ARG NEXT_PUBLIC_SANITY_PROJECT_ID=
ARG NEXT_PUBLIC_SANITY_DATASET=
ARG NEXT_PUBLIC_SANITY_API_VERSION=
ARG SANITY_STUDIO_URL=

# The TypeGen output is committed (and `pnpm test` holds it fresh), so the site is built without
# `pnpm typegen`. With a Sanity project the build checks, as the server does, that a webhook secret
# is set; only the server reads it (at run time, from its own environment), so the build gets a
# stand-in rather than the secret, which stays out of the image and its history.
RUN if [ -n "$NEXT_PUBLIC_SANITY_PROJECT_ID" ]; then \
      export SANITY_REVALIDATE_SECRET=stand-in-for-the-build-the-server-reads-its-own; \
    fi \
 && pnpm --filter @microneedling/web build \
 && rm -rf web/.data \
 && mkdir /build-output \
 && mv web/.next /build-output/.next

# --- run: `next start` as an unprivileged user --------------------------------------------------
FROM ${NODE_IMAGE} AS run
WORKDIR /app
# The repository's Node 24 (the one the site was built with) comes first on the PATH.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 PATH=/app/node_modules/node/bin:$PATH

# The workspace as built, at the same path (pnpm's links name it), owned by root: read-only to the server.
COPY --from=build /app /app
# The build output is what the server writes to (pages regenerated, Next.js's cache folder), so it
# belongs to the server's user.
COPY --from=build --chown=node:node /build-output/.next /app/web/.next
# Without DATABASE_URL (one container on its own) clicks go to PGlite in web/.data/clicks.
RUN mkdir -p /app/web/.data && chown node:node /app/web/.data

USER node
WORKDIR /app/web
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/robots.txt').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `next start` as `pnpm start` runs it (pnpm's launcher, on the Node above). No --hostname: it then
# listens on every interface and names itself localhost, so the proxy's rewrites stay inside the
# process (bound to one address, Next.js would forward them over HTTP to itself). The keep-alive
# outlasts nginx's (60 s), so nginx never reuses a connection the server has just closed.
CMD ["node_modules/.bin/next", "start", "--keepAliveTimeout", "65000"]
