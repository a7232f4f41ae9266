# escape=`
FROM mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022

SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]

RUN Remove-Website -Name 'Default Web Site'; `
    New-Item -Path C:\site -ItemType Directory | Out-Null; `
    New-Website -Name 'site' -Port 80 -PhysicalPath C:\site

WORKDIR C:\site
COPY site/ .
EXPOSE 80
USER ContainerUser
