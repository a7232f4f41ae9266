FROM centos:7
MAINTAINER ops@example.com
RUN yum update -y && yum install httpd php
RUN sudo systemctl enable httpd
ADD conf/httpd.conf /etc/httpd/conf/httpd.conf
ADD https://example.com/app.tar.gz /var/www/
COPY id_rsa /root/.ssh/id_rsa
EXPOSE 80 443
CMD ["/usr/sbin/httpd", "-D", "FOREGROUND"]
CMD ["/usr/sbin/httpd"]
