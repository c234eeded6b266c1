; The full offline installer carries the WebView2 Runtime's offline installer
; (webviewInstallMode "offlineInstaller") and installs it when it is missing,
; so it needs no check of its own.
