; Laomo Desktop (劳模创新工作室台账) — Inno Setup script for the Windows setup program.
;
; NOT BUILT OR RUN ON THE DEVELOPMENT MACHINE (no Windows, no Inno Setup there): written against
; the Inno Setup 6 documentation; .github/workflows/windows.yml compiles it on a Windows runner.
; See installer/README.md for what was checked, and how to build, sign and test it on Windows.
;
; Build (from the repository root, after `python installer\build.py` made dist\laomo-desktop):
;   iscc /DAppVersion=0.1.0 installer\windows\laomo.iss
; installer\build.py does exactly that when it finds ISCC.exe (PATH or Program Files (x86)\Inno
; Setup 6). Output:
;   dist\laomo-desktop-<version>-setup.exe
;
; Optional defines:
;   /DSourceDir=<folder>   the PyInstaller folder (default: ..\..\dist\laomo-desktop)
;   /DSign                 sign setup, uninstaller with the Sign Tool named "laomosign",
;                          defined on the command line: "/Slaomosign=signtool.exe sign ... $f"
;
; The user's ledger lives in %LOCALAPPDATA%\LaomoDesktop (one per Windows user). Nothing in
; this script installs, changes or deletes anything there: uninstalling removes the program
; only. Do not add an [UninstallDelete] entry for it.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z installer\windows\laomo.iss
#endif
#ifndef SourceDir
  #define SourceDir AddBackslash(SourcePath) + "..\..\dist\laomo-desktop"
#endif
#if !FileExists(AddBackslash(SourceDir) + "laomo-desktop.exe")
  #error laomo-desktop.exe not found in SourceDir: build the folder first (python installer\build.py)
#endif

; Inno Setup 6.5 or later: the Chinese messages file below has the message names of 6.5+, and
; this script and that file are UTF-8 without a BOM (read as such since 6.3.0).
#if Ver < EncodeVer(6,5,0)
  #error Inno Setup 6.5 or later is needed (installer\README.md)
#endif

#define AppNameZh "劳模创新工作室台账"
#define AppExe "laomo-desktop.exe"

[Setup]
; AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{6C1E2F4B-8D3A-4E5F-9B7C-2A1D0E8F3C55}
AppName={#AppNameZh}
AppVersion={#AppVersion}
AppVerName={#AppNameZh} {#AppVersion}
AppPublisher=Laomo Desktop
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppNameZh} Laomo Desktop
VersionInfoDescription={#AppNameZh} 安装程序 (Laomo Desktop setup)
; Per-user install by default: no administrator needed, goes to
; %LOCALAPPDATA%\Programs\LaomoDesktop. The dialog (or /ALLUSERS) offers "install for all users"
; instead, which asks for administrator rights and installs to Program Files.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
UsePreviousPrivileges=yes
DefaultDirName={autopf}\LaomoDesktop
DefaultGroupName={#AppNameZh}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 or later (what Qt 6 supports)
MinVersion=10.0
OutputDir={#AddBackslash(SourcePath)}..\..\dist
OutputBaseFilename=laomo-desktop-{#AppVersion}-setup
SetupIconFile={#AddBackslash(SourcePath)}..\..\src\laomo_desktop\resources\icons\laomo.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppNameZh} {#AppVersion}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Close a running copy (Restart Manager) before replacing its files on an upgrade.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
#ifdef Sign
SignTool=laomosign
SignedUninstaller=yes
#endif

[Languages]
; The first one is used when Windows' language is neither of the two.
; Simplified Chinese is not among the languages Inno Setup ships; ChineseSimplified.isl, next
; to this script, is this project's own translation (a path relative to the script's folder).
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Messages]
; Said on the uninstaller's first (confirmation) page and on its last message.
chinesesimplified.ConfirmUninstall=确定要卸载 %1 吗？%n%n只删除程序本身。您的台账数据（%LOCALAPPDATA%\LaomoDesktop，含备份和附件）会保留，重新安装后可以继续使用。
english.ConfirmUninstall=Are you sure you want to remove %1?%n%nOnly the program is removed. Your ledger (%LOCALAPPDATA%\LaomoDesktop, with its backups and attachments) is kept and is used again if you reinstall.
chinesesimplified.UninstalledAll=%1 已卸载。%n%n您的台账数据仍在 %LOCALAPPDATA%\LaomoDesktop。
english.UninstalledAll=%1 was removed.%n%nYour ledger is still in %LOCALAPPDATA%\LaomoDesktop.

[CustomMessages]
chinesesimplified.AppComment=劳模（工匠）创新工作室台账：日常记录、年度统计、考核报表
english.AppComment=Offline ledger for model-worker innovation studios

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole program folder: no library of the previous version is left
; behind to be loaded by mistake. (The ledger is not in {app}.)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; laomo-desktop.exe (the window, no console), laomo.exe (the command line), _internal\
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppNameZh}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppNameZh}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppNameZh}}"; Flags: nowait postinstall skipifsilent
