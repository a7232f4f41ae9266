FROM registry.fedoraproject.org/fedora:40
RUN dnf install -y python3-pip-23.3 && dnf clean all
RUN microdnf install nginx
RUN wget https://example.com/tool && curl -o x https://example.com/x
USER 1001
CMD ["nginx"]
