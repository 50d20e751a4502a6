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
USER node
CMD ["node", "--import", "tsx", "src/main.ts"]
