FROM node:20.11-bookworm
# hadolint ignore=DL3016
ONBUILD RUN npm install left-pad
ONBUILD COPY . /app/
ONBUILD RUN yarn install
# hadolint ignore=DL3059
RUN echo base
WORKDIR /app
USER node
CMD ["node", "index.js"]
