# Main courante: the journal service (and its `main-courante` command line) in one image.
#   docker build -t main-courante .
#   docker run -p 3000:3000 -v main-courante-data:/data main-courante
# Multi-stage: the build stage has the compilers and dev dependencies, the runtime only what runs.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 and argon2 are native: compiled here if no prebuilt binary fits the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    MC_DATA_DIR=/data \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
# Symbola draws the emoji and symbols that DejaVu lacks in the PDF dossier (libs/dossier/src/pdf/fonts.ts).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-symbola \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 maincourante \
 && useradd --system --uid 10001 --gid maincourante --home-dir /app --shell /usr/sbin/nologin maincourante \
 && mkdir -p /data \
 && chown maincourante:maincourante /data \
 && ln -s /app/dist/apps/cli/src/main.js /usr/local/bin/main-courante \
 && chmod 0755 /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The web pages are static files served from the project tree (apps/api/src/web/static-pages.ts).
COPY --from=build /app/apps/api/web ./apps/api/web
RUN chmod 0755 /app/dist/apps/cli/src/main.js
# The journal (embedded store), attachments, signing key, read models and checkpoints live here.
VOLUME /data
USER maincourante
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
