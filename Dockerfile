# newsdesk bot image: `docker compose up` runs two of these on one PostgreSQL (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# dev tools (TypeScript, vitest, Biome) are not needed to run the bot; tsx runs the sources directly
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY bin ./bin
COPY commands ./commands
COPY src ./src
COPY tsconfig.json ./
COPY articles ./articles
# without DATABASE_URL the image falls back to SQLite in /app/data: mount a volume there to keep it
RUN mkdir -p /app/data && chown node:node /app/data
USER node
CMD ["node", "--import", "tsx", "src/main.ts"]
