; Included by electron-builder's NSIS installer (electron-builder.yml nsis.include).
;
; %ProgramData%\SONAR holds the machine policy file site.json. By default any Windows user may
; create folders under ProgramData and would own them, so a user could write a site policy of
; their own. The installer therefore creates the folder and gives write access to Administrators
; and SYSTEM only; users may read it. An existing folder has its permissions reset the same way.
; Uninstalling leaves the folder, the site policy and every site's data where they are.

!macro customInstall
  SetShellVarContext all
  CreateDirectory "$COMMONAPPDATA\SONAR"
  ; *S-1-5-32-544 Administrators, *S-1-5-18 SYSTEM, *S-1-5-32-545 Users (SIDs work in every language).
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$COMMONAPPDATA\SONAR" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX'
  Pop $0
  StrCmp $0 "0" +3
    MessageBox MB_ICONSTOP "SONAR could not protect $COMMONAPPDATA\SONAR (icacls exit $0). The installation is stopped." /SD IDOK
    Abort
!macroend

!macro customUnInstall
  ; Nothing: the site's data and its policy stay (docs/site-it.md, "Uninstall").
!macroend
