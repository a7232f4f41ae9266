ARG RUBY_VERSION=3.3.0
FROM ruby:$RUBY_VERSION-slim AS base
WORKDIR /rails
ENV RAILS_ENV=production BUNDLE_DEPLOYMENT=1

FROM base AS build
RUN apt-get update -qq && \
    apt-get install --no-install-recommends -y build-essential=12.9 git=1:2.39.2-1.1 && \
    rm -rf /var/lib/apt/lists /var/cache/apt/archives
COPY Gemfile Gemfile.lock ./
RUN gem install bundler:2.5.6 && bundle install
COPY . .

FROM base
COPY --from=build /usr/local/bundle /usr/local/bundle
COPY --from=build /rails /rails
RUN useradd rails --create-home --shell /bin/bash && chown -R rails:rails db log tmp
USER rails:rails
EXPOSE 3000
CMD ["./bin/rails", "server"]
