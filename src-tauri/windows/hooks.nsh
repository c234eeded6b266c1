; Installer hooks of the usual Windows installer (webviewInstallMode "skip").
;
; Windows 10 20H2+ and 11 ship the Microsoft Edge WebView2 Runtime, which the
; app needs to draw its window. This installer never downloads it (village
; offices often have no internet): when the runtime is missing it says so in
; Chinese, points to the full offline installer, and stops before copying
; anything. The runtime registers its version under EdgeUpdate\Clients
; (per machine, 64- or 32-bit view, or per user); "0.0.0.0" means removed.

!macro NSIS_HOOK_PREINSTALL
  StrCpy $0 ""
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}" "pv"
  StrCmp $0 "" 0 +2
  ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}" "pv"
  StrCmp $0 "" 0 +2
  ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}" "pv"
  StrCmp $0 "0.0.0.0" 0 +2
  StrCpy $0 ""
  StrCmp $0 "" 0 zhibu_webview_found
    MessageBox MB_ICONEXCLAMATION|MB_OK "这台电脑缺少 Microsoft Edge WebView2 运行库，支部台账需要它才能显示窗口，所以没有安装。$\r$\n$\r$\n请改用“离线完整版”安装包（文件名中带“离线完整版”，已包含该运行库，安装时不用联网）。$\r$\n$\r$\n也可以在能上网的电脑上从微软官网下载“WebView2 运行库离线安装程序”，装好后再运行本安装包。"
    Abort "缺少 WebView2 运行库，未安装。请使用离线完整版安装包。"
  zhibu_webview_found:
!macroend
