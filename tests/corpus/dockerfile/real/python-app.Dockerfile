FROM python:3.12-slim

ARG PIP_INDEX_URL
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    APP_HOME=/srv/app \
    PATH=$APP_HOME/bin:$PATH

RUN apt-get update && apt-get install -y gcc libpq-dev
RUN pip install --upgrade pip
RUN pip install --no-cache-dir -r requirements.txt
RUN pip install gunicorn

WORKDIR $APP_HOME
COPY . .
COPY .env /srv/app/.env
ENV DJANGO_SECRET_KEY=dj4ng0-s3cr3t-k3y-for-tests-only

EXPOSE 8000 22
CMD gunicorn app.wsgi:application --bind 0.0.0.0:8000
