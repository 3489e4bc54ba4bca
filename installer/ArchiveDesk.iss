; Inno Setup script for ArchiveDesk (Windows 10 or later, 64-bit). Written, NOT built or run: Inno Setup runs
; only on Windows and nothing of the Windows build has been tried (README, "Installing").
;
; On Windows, from the repository root:
;   py -m pip install -e .[build]
;   pyinstaller build_installer.spec            -> dist\ArchiveDesk\ (ArchiveDesk.exe, archive-desk.exe, _internal\)
;   dist\ArchiveDesk\archive-desk.exe --self-test
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\ArchiveDesk.iss   -> dist\ArchiveDesk-<version>-setup.exe
;
; Per-machine install into Program Files (administrator rights), Start-menu entries for the app, the demo and
; the uninstaller, a refusal on Windows older than 10, and an uninstall that removes everything it installed.
; The user's catalogues, settings, room keys, logs and backups (in 文档 / %LOCALAPPDATA%) are the room's records:
; the uninstaller leaves them where they are.

#define AppName "ArchiveDesk"
#define AppNameZh "档案室桌面管理"
#define SourceDir "..\dist\ArchiveDesk"
; the version comes from the version resource build_installer.spec puts into the executable
#define AppVersion GetVersionNumbersString(SourceDir + "\ArchiveDesk.exe")

[Setup]
AppId={{6F0B5C7E-3F41-4B8E-9D0A-2C7A1E5D9B43}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=ArchiveDesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 (build 10240) or later; older systems get Inno Setup's own "requires Windows 10" message
MinVersion=10.0.10240
OutputDir=..\dist
OutputBaseFilename=ArchiveDesk-{#AppVersion}-setup
SetupIconFile=..\src\archive_desk\resources\icons\archive-desk.ico
UninstallDisplayIcon={app}\ArchiveDesk.exe
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; a running ArchiveDesk holds its files: ask to close it rather than leave a half-replaced folder
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.OpenDemo=打开演示目录库
english.OpenDemo=Open the demo catalogue
chinesesimplified.AppTitle={#AppNameZh}
english.AppTitle={#AppName}
chinesesimplified.SelfTest=自检
english.SelfTest=Self-test

[Files]
; the whole PyInstaller folder; replaced whole on an upgrade (the [InstallDelete] below drops stale files first)
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade must not leave files of the previous version's _internal folder beside the new ones
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{cm:AppTitle}"; Filename: "{app}\ArchiveDesk.exe"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:OpenDemo}"; Filename: "{app}\ArchiveDesk.exe"; Parameters: "--open-demo"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:SelfTest}"; Filename: "{app}\archive-desk.exe"; Parameters: "--self-test"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\ArchiveDesk.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\ArchiveDesk.exe"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; what the app itself writes inside its install folder (Python's caches if any): removed with it
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"
