@echo off
rem The larder command, from the distribution archive: needs only a JDK 17 or later (JAVA_HOME,
rem or java on the PATH); no checkout, no Maven.
setlocal
set "LARDER_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
rem One-shot start-up: C1 only, the serial collector, no perf-data file.
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -cp "%LARDER_HOME%\lib\*" io.larder.cli.Larder %*
exit /b %ERRORLEVEL%
