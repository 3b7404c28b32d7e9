@echo off
rem pilotcheck launcher for Windows: runs lib\pilotcheck.jar with Java 17 or newer
rem (%JAVA_HOME%\bin\java.exe, else java on the PATH). Needs no Maven and no build.
setlocal
set "PILOTCHECK_HOME=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
rem pilotcheck writes UTF-8: the console shows it while its code page is UTF-8 (65001), and gets
rem its own code page back afterwards.
set "OLDCP="
for /f "tokens=2 delims=:." %%a in ('chcp') do set "OLDCP=%%a"
chcp 65001 >nul 2>&1
rem The same JVM options as bin/pilotcheck gives (bench/NOTES.md): C1 alone (both compilers for
rem serve, which lives long enough for C2 to pay), a small young
rem generation, an end on running out of memory; a service's heap capped at 1 GiB, or at
rem PILOTCHECK_HEAP (2g, 4096m).
set "HEAP=1g"
if defined PILOTCHECK_HEAP set "HEAP=%PILOTCHECK_HEAP%"
set "SERVE_OPTS="
if /i "%~1"=="serve" set "SERVE_OPTS=-Xmx%HEAP%"
set "JIT=-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"
if /i "%~1"=="serve" set "JIT="
"%JAVA_EXE%" -XX:+UseSerialGC -Xmn48m %JIT% %SERVE_OPTS% -XX:+ExitOnOutOfMemoryError %PILOTCHECK_JAVA_OPTS% "-Dpilotcheck.home=%PILOTCHECK_HOME%" -jar "%PILOTCHECK_HOME%\lib\pilotcheck.jar" %*
set "CODE=%ERRORLEVEL%"
if defined OLDCP chcp %OLDCP% >nul 2>&1
exit /b %CODE%
