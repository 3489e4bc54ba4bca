<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AdminArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/__init__.py" line="46" />
        <source>How loans work in this room: the loan period, the purposes and uses a slip offers, and when a loan needs an approver.</source>
        <extracomment>page ids, in tab order</extracomment>
        <translation>How loans work in this room: the loan period, the purposes and uses a slip offers, and when a loan needs an approver.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/__init__.py" line="50" />
        <source>How forms and labels print. Lists of fields and names are given as JSON, as the room command takes them.</source>
        <translation>How forms and labels print. Lists of fields and names are given as JSON, as the room command takes them.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/__init__.py" line="56" />
        <source>Room particulars</source>
        <translation>Room particulars</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/__init__.py" line="56" />
        <source>Fonds</source>
        <translation>Fonds</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/__init__.py" line="56" />
        <source>Categories</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/__init__.py" line="57" />
        <source>Lending</source>
        <translation>Lending</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/__init__.py" line="57" />
        <source>Forms and labels</source>
        <translation>Forms and labels</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/__init__.py" line="68" />
        <source>Setup</source>
        <translation>Setup</translation>
    </message>
</context>
<context>
    <name>AppraisalLinesModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="145" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="146" />
        <source>Archival code</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="147" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="148" />
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="149" />
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="150" />
        <source>Ran out on</source>
        <translation>Ran out on</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="151" />
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="152" />
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="153" />
        <source>New retention</source>
        <translation>New retention</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="154" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="143" />
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="142" />
        <source>destroy</source>
        <translation>destroy</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="142" />
        <source>keep</source>
        <translation>keep</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="143" />
        <source>undecided</source>
        <translation>undecided</translation>
    </message>
</context>
<context>
    <name>AppraisalPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="117" />
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="195" />
        <source>List no.</source>
        <translation>List no.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="117" />
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="196" />
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="117" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="124" />
        <source>New appraisal list</source>
        <translation>New appraisal list</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="136" />
        <source>Appraisal</source>
        <translation>Appraisal</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="201" />
        <source>Approved by</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="203" />
        <source>Witnesses</source>
        <translation>Witnesses</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="199" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="227" />
        <source>Add volumes due</source>
        <translation>Add volumes due</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="229" />
        <source>Retention ran out by</source>
        <translation>Retention ran out by</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="240" />
        <source>Keep…</source>
        <translation>Keep…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="241" />
        <source>Destroy</source>
        <translation>Destroy</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="242" />
        <source>Take off the list</source>
        <translation>Take off the list</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="243" />
        <source>Destruction list…</source>
        <translation>Destruction list…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="244" />
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="274" />
        <source>All fonds</source>
        <translation>All fonds</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="278" />
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="142" />
        <source>General records</source>
        <translation>General records</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="143" />
        <source>Accounting records (jointly with the accounting department)</source>
        <translation>Accounting records (jointly with the accounting department)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="145" />
        <source>the lead first, names separated by 、</source>
        <translation>the lead first, names separated by 、</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="147" />
        <source>会计机构负责人 …、经办人 …</source>
        <translation>会计机构负责人 …、经办人 …</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="149" />
        <source>1. Save the panel</source>
        <translation>1. Save the panel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="160" />
        <source>the panel's opinion (鉴定意见书)</source>
        <translation>the panel's opinion (鉴定意见书)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="162" />
        <source>2. Write the opinion</source>
        <translation>2. Write the opinion</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="166" />
        <source>3. Approved</source>
        <translation>3. Approved</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="169" />
        <source>method, e.g. 粉碎</source>
        <translation>method, e.g. 粉碎</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="171" />
        <source>place</source>
        <translation>place</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="173" />
        <source>4. Destroyed</source>
        <translation>4. Destroyed</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="179" />
        <source>The volumes the two witnesses counted against the list</source>
        <translation>The volumes the two witnesses counted against the list</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="180" />
        <source>5. Witnessed: confirm destruction…</source>
        <translation>5. Witnessed: confirm destruction…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="197" />
        <source>Appraisal panel</source>
        <translation>Appraisal panel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="198" />
        <source>Accounting signatories</source>
        <translation>Accounting signatories</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="200" />
        <source>Opinion</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="202" />
        <source>Destruction</source>
        <translation>Destruction</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="203" />
        <source>counted</source>
        <translation>counted</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="325" />
        <source> — kept permanently</source>
        <translation> — kept permanently</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="342" />
        <source>%1 volumes: %2 to destroy (%3 pages), %4 kept, %5 not decided</source>
        <translation>%1 volumes: %2 to destroy (%3 pages), %4 kept, %5 not decided</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="445" />
        <source>The opinion is recorded: the list now waits for approval.</source>
        <translation>The opinion is recorded: the list now waits for approval.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="453" />
        <source>The approval is recorded: destroy the volumes, then record how, where and when.</source>
        <translation>The approval is recorded: destroy the volumes, then record how, where and when.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="461" />
        <source>The destruction is recorded: the two witnesses count against the list and confirm.</source>
        <translation>The destruction is recorded: the two witnesses count against the list and confirm.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="470" />
        <source>Looking for volumes whose retention ran out…</source>
        <translation>Looking for volumes whose retention ran out…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="493" />
        <source>%n volume(s) whose retention ran out were added</source>
        <translation><numerusform>%n volume whose retention ran out were added</numerusform><numerusform>%n volumes whose retention ran out were added</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="495" />
        <source>; %n refused</source>
        <translation><numerusform>; %n refused</numerusform><numerusform>; %n refused</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="507" />
        <source>Select the volumes to keep first.</source>
        <translation>Select the volumes to keep first.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="546" />
        <source>%1 is line %2 of the list</source>
        <translation>%1 is line %2 of the list</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="549" />
        <source>%1 is not on this list</source>
        <translation>%1 is not on this list</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="560" />
        <source>Destroy %1 volumes and keep %2? The volumes are marked destroyed (their records stay); the list is kept permanently and can never be changed.</source>
        <translation>Destroy %1 volumes and keep %2? The volumes are marked destroyed (their records stay); the list is kept permanently and can never be changed.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="562" />
        <source>Confirm destruction list %1</source>
        <translation>Confirm destruction list %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="580" />
        <source>Confirming… %1 of %2</source>
        <translation>Confirming… %1 of %2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="586" />
        <source>List %1 confirmed: %2 volumes destroyed, %3 kept.</source>
        <translation>List %1 confirmed: %2 volumes destroyed, %3 kept.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="605" />
        <source>Destruction list %1</source>
        <translation>Destruction list %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="617" />
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="617" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="626" />
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>ApproverDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="178" />
        <source>Approval</source>
        <translation>Approval</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="179" />
        <source>%1 approves this loan: enter that account's password. The desk stays logged in as it is.</source>
        <translation>%1 approves this loan: enter that account's password. The desk stays logged in as it is.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="183" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>AuditTrailArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="73" />
        <source>From</source>
        <extracomment>at most this many entries are listed (the export takes every matching one)</extracomment>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="79" />
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="87" />
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="109" />
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="111" />
        <source>Archival code</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="88" />
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="92" />
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="107" />
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="110" />
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="94" />
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="108" />
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="111" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="96" />
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="107" />
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="107" />
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="110" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="108" />
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="110" />
        <source>Workstation</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="108" />
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="109" />
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="112" />
        <source>Fields shown</source>
        <translation>Fields shown</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="114" />
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="115" />
        <source>Personal-data access</source>
        <translation>Personal-data access</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="118" />
        <source>Export to Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="121" />
        <source>Verify the chain</source>
        <translation>Verify the chain</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="147" />
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="189" />
        <source>%n entries listed.</source>
        <translation><numerusform>%n entry listed.</numerusform><numerusform>%n entries listed.</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="190" />
        <source>The newest %1 entries are listed; narrow the filter or export them all.</source>
        <translation>The newest %1 entries are listed; narrow the filter or export them all.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="216" />
        <source>Audit trail.xlsx</source>
        <translation>Audit trail.xlsx</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="217" />
        <source>Export the audit trail</source>
        <translation>Export the audit trail</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="217" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="229" />
        <source>%n entries exported to %1.</source>
        <translation><numerusform>%n entry exported to %1.</numerusform><numerusform>%n entries exported to %1.</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="235" />
        <source>Verifying the chain…</source>
        <translation>Verifying the chain…</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="682" />
        <source>Automatic backup: nothing changed since the last backup, none written.</source>
        <extracomment>the dialogs opened from the File menu (kept so they live while open; tests reach them here)</extracomment>
        <translation>Automatic backup: nothing changed since the last backup, none written.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="688" />
        <source>Automatic backup written and verified: %1</source>
        <translation>Automatic backup written and verified: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="690" />
        <source>AUTOMATIC BACKUP FAILED VERIFICATION: %1</source>
        <translation>AUTOMATIC BACKUP FAILED VERIFICATION: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="696" />
        <source>Automatic backup failed: %1</source>
        <translation>Automatic backup failed: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="697" />
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="744" />
        <source>Automatic backup failed</source>
        <translation>Automatic backup failed</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="698" />
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="745" />
        <source>No backup was written: %1</source>
        <translation>No backup was written: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="712" />
        <source>Backing up before closing…</source>
        <translation>Backing up before closing…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="712" />
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="714" />
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="751" />
        <source>Backup failed verification</source>
        <translation>Backup failed verification</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="142" />
        <source>Back up the catalogue</source>
        <translation>Back up the catalogue</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="151" />
        <source>The catalogue stays in use while the backup is written.</source>
        <translation>The catalogue stays in use while the backup is written.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="155" />
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="158" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="160" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="162" />
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="187" />
        <source>Choose a folder for the backup.</source>
        <translation>Choose a folder for the backup.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="194" />
        <source>Writing and verifying the backup…</source>
        <translation>Writing and verifying the backup…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="212" />
        <source>Backup written and verified: %1 (%2, SHA-256 %3…)</source>
        <translation>Backup written and verified: %1 (%2, SHA-256 %3…)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="216" />
        <source>BACKUP FAILED VERIFICATION: %1 is not a good backup.</source>
        <translation>BACKUP FAILED VERIFICATION: %1 is not a good backup.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="222" />
        <source>No backup was written: %1</source>
        <translation>No backup was written: %1</translation>
    </message>
</context>
<context>
    <name>BackupRegisterDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="538" />
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="593" />
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="601" />
        <source>Backup register</source>
        <translation>Backup register</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="544" />
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="546" />
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="548" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="600" />
        <source>Export the backup register</source>
        <translation>Export the backup register</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="601" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="476" />
        <source>Backup settings</source>
        <translation>Backup settings</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="482" />
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="483" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="485" />
        <source>Back up when ArchiveDesk closes</source>
        <translation>Back up when ArchiveDesk closes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="493" />
        <source>This PC makes the server's scheduled backups</source>
        <translation>This PC makes the server's scheduled backups</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="495" />
        <source>A catalogue on the room's server is backed up on the interval by one PC only, never by every PC as it closes.</source>
        <translation>A catalogue on the room's server is backed up on the interval by one PC only, never by every PC as it closes.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="498" />
        <source>Automatic backups (on the interval and at exit) run only when a folder is chosen. A USB drive or a network folder keeps them away from this computer's disk.</source>
        <translation>Automatic backups (on the interval and at exit) run only when a folder is chosen. A USB drive or a network folder keeps them away from this computer's disk.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="502" />
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="503" />
        <source>Every:</source>
        <translation>Every:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="506" />
        <source>Keep daily:</source>
        <translation>Keep daily:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="507" />
        <source>Keep weekly:</source>
        <translation>Keep weekly:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="508" />
        <source>Keep monthly:</source>
        <translation>Keep monthly:</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="89" />
        <source>The backup failed verification and is NOT a good backup.

%1

It was kept as %2 for inspection. Make a new backup, and check the disk or the catalogue (archive-desk check).</source>
        <extracomment>the first automatic backup comes no sooner than this after the window opens (start-up first)</extracomment>
        <translation>The backup failed verification and is NOT a good backup.

%1

It was kept as %2 for inspection. Make a new backup, and check the disk or the catalogue (archive-desk check).</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="102" />
        <source>Backup failed verification</source>
        <translation>Backup failed verification</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="115" />
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="119" />
        <source>Backup folder</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="788" />
        <source>&amp;Back up now…</source>
        <translation>&amp;Back up now…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="789" />
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="790" />
        <source>Backup re&amp;gister…</source>
        <translation>Backup re&amp;gister…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="791" />
        <source>Backup &amp;settings…</source>
        <translation>Backup &amp;settings…</translation>
    </message>
</context>
<context>
    <name>BatchForm</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="33" />
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="51" />
        <source>e.g. volume catalogue in two copies</source>
        <translation>e.g. volume catalogue in two copies</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="53" />
        <source>Save particulars</source>
        <translation>Save particulars</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="59" />
        <source>Batch no.</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="60" />
        <source>Nature</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="61" />
        <source>Transferring unit</source>
        <translation>Transferring unit</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="62" />
        <source>Receiving unit</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="65" />
        <source>received by</source>
        <translation>received by</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="67" />
        <source>Handed over by</source>
        <translation>Handed over by</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="70" />
        <source>receiving leader</source>
        <translation>receiving leader</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="72" />
        <source>Transferring leader</source>
        <translation>Transferring leader</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="73" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="74" />
        <source>Finding aids</source>
        <translation>Finding aids</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="75" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="89" />
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="89" />
        <source>confirmed %1</source>
        <translation>confirmed %1</translation>
    </message>
</context>
<context>
    <name>BatchLines</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="62" />
        <source>Import the department's list</source>
        <translation>Import the department's list</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="62" />
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="86" />
        <source>%n line(s) added from the list</source>
        <translation><numerusform>%n line added from the list</numerusform><numerusform>%n lines added from the list</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="88" />
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="194" />
        <source>; %n already on the batch</source>
        <translation><numerusform>; %n already on the batch</numerusform><numerusform>; %n already on the batch</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="90" />
        <source>; %n refused</source>
        <translation><numerusform>; %n refused</numerusform><numerusform>; %n refused</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="99" />
        <source>New line</source>
        <translation>New line</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="115" />
        <source>Line %1 added: %2</source>
        <translation>Line %1 added: %2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="158" />
        <source>Line %1 saved.</source>
        <translation>Line %1 saved.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="191" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="192" />
        <source>%n volume(s) added</source>
        <translation><numerusform>%n volume added</numerusform><numerusform>%n volumes added</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="196" />
        <source>; %n refused (see below)</source>
        <translation><numerusform>; %n refused (see below)</numerusform><numerusform>; %n refused (see below)</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="205" />
        <source>Select volumes in the catalogue first.</source>
        <translation>Select volumes in the catalogue first.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="247" />
        <source>%n volume(s) taken off the batch</source>
        <translation><numerusform>%n volume taken off the batch</numerusform><numerusform>%n volumes taken off the batch</numerusform></translation>
    </message>
</context>
<context>
    <name>BatchOutput</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_output.py" line="42" />
        <source>No space finder is installed.</source>
        <translation>No space finder is installed.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_output.py" line="44" />
        <source>Shelf space for %1 volumes: %2</source>
        <translation>Shelf space for %1 volumes: %2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_output.py" line="72" />
        <source>Transfer list %1</source>
        <translation>Transfer list %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_output.py" line="80" />
        <source>Handover certificate %1</source>
        <translation>Handover certificate %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_output.py" line="95" />
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_output.py" line="95" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_output.py" line="106" />
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>BatchPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="124" />
        <source>Batch no.</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="124" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="124" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="124" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="131" />
        <source>New receiving batch</source>
        <translation>New receiving batch</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="131" />
        <source>New handing-over batch</source>
        <translation>New handing-over batch</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="143" />
        <source>Import list from Excel…</source>
        <translation>Import list from Excel…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="144" />
        <source>Add line…</source>
        <translation>Add line…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="145" />
        <source>Add catalogue selection</source>
        <translation>Add catalogue selection</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="146" />
        <source>Add by filter…</source>
        <translation>Add by filter…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="147" />
        <source>Take off the batch</source>
        <translation>Take off the batch</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="148" />
        <source>Confirm receiving…</source>
        <translation>Confirm receiving…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="148" />
        <source>Confirm handing over…</source>
        <translation>Confirm handing over…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="150" />
        <source>Transfer list…</source>
        <translation>Transfer list…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="151" />
        <source>Handover certificate…</source>
        <translation>Handover certificate…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="152" />
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="153" />
        <source>Propose shelf space</source>
        <translation>Propose shelf space</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="178" />
        <source>Scan a volume's barcode (or type its code and press Enter)</source>
        <translation>Scan a volume's barcode (or type its code and press Enter)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="183" />
        <source>as listed</source>
        <translation>as listed</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="184" />
        <source>Pages counted for the next scanned volume; left at "as listed" the list's count is taken</source>
        <translation>Pages counted for the next scanned volume; left at "as listed" the list's count is taken</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="185" />
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="185" />
        <source>Scan to add</source>
        <translation>Scan to add</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="188" />
        <source>Pages counted</source>
        <translation>Pages counted</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="203" />
        <source>All lines</source>
        <translation>All lines</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="203" />
        <source>Missing / not arrived</source>
        <translation>Missing / not arrived</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="203" />
        <source>Arrived</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="204" />
        <source>Not on the list</source>
        <translation>Not on the list</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="204" />
        <source>Sent back / taken off</source>
        <translation>Sent back / taken off</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="205" />
        <source>Pages differ</source>
        <translation>Pages differ</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="210" />
        <source>Edit line…</source>
        <translation>Edit line…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="211" />
        <source>Arrived / not arrived</source>
        <translation>Arrived / not arrived</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="237" />
        <source>Not added</source>
        <translation>Not added</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="251" />
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="251" />
        <source>confirmed</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="314" />
        <source>%1 volumes, %2 items, %3 pages</source>
        <translation>%1 volumes, %2 items, %3 pages</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="323" />
        <source>On the list %1; arrived %2; missing %3; not on the list %4; sent back %5; pages differ %6</source>
        <translation>On the list %1; arrived %2; missing %3; not on the list %4; sent back %5; pages differ %6</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="325" />
        <source>On the list %1; arrived %2; not arrived yet %3; not on the list %4; sent back %5; pages differ %6</source>
        <translation>On the list %1; arrived %2; not arrived yet %3; not on the list %4; sent back %5; pages differ %6</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="353" />
        <source>Archive room</source>
        <translation>Archive room</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="381" />
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="412" />
        <source>Choose or start a batch in draft first.</source>
        <translation>Choose or start a batch in draft first.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="459" />
        <source>%1 volumes on the list have not arrived. Confirm receiving the %2 that did, and record the others as missing?</source>
        <translation>%1 volumes on the list have not arrived. Confirm receiving the %2 that did, and record the others as missing?</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="463" />
        <source>Confirm receiving %1 volumes? They are created in the catalogue; the batch can no longer be changed.</source>
        <translation>Confirm receiving %1 volumes? They are created in the catalogue; the batch can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="466" />
        <source>Hand over %1 volumes to %2? They become "transferred out"; the batch can no longer be changed.</source>
        <translation>Hand over %1 volumes to %2? They become "transferred out"; the batch can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="468" />
        <source>Confirm batch %1</source>
        <translation>Confirm batch %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="470" />
        <source>Confirming…</source>
        <translation>Confirming…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="485" />
        <source>Confirming… %1 of %2</source>
        <translation>Confirming… %1 of %2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="491" />
        <source>Batch %1 received: %2 volumes created, %3 updated, %4 missing.</source>
        <translation>Batch %1 received: %2 volumes created, %3 updated, %4 missing.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="494" />
        <source>Batch %1 handed over: %2 volumes transferred out.</source>
        <translation>Batch %1 handed over: %2 volumes transferred out.</translation>
    </message>
</context>
<context>
    <name>BorrowerDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="79" />
        <source>Staff (this organisation)</source>
        <translation>Staff (this organisation)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="80" />
        <source>Outside</source>
        <translation>Outside</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="92" />
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="93" />
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="94" />
        <source>&amp;Unit / department:</source>
        <translation>&amp;Unit / department:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="95" />
        <source>&amp;Phone:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="96" />
        <source>&amp;ID number:</source>
        <translation>&amp;ID number:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="97" />
        <source>&amp;Card no.:</source>
        <translation>&amp;Card no.:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="98" />
        <source>N&amp;otes:</source>
        <translation>N&amp;otes:</translation>
    </message>
</context>
<context>
    <name>BorrowerPickerDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="167" />
        <source>Choose the borrower</source>
        <translation>Choose the borrower</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="171" />
        <source>Unit / department</source>
        <translation>Unit / department</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="171" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="171" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="171" />
        <source>Borrower kind</source>
        <translation>Borrower kind</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="172" />
        <source>Card no.</source>
        <translation>Card no.</translation>
    </message>
</context>
<context>
    <name>BorrowersPanel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="54" />
        <source>Search name, unit, card no. or phone</source>
        <extracomment>how long a borrowers list stays as it is before the phones it shows are logged (milliseconds)</extracomment>
        <translation>Search name, unit, card no. or phone</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="63" />
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="64" />
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="65" />
        <source>Outside</source>
        <translation>Outside</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="67" />
        <source>Show &amp;deactivated</source>
        <translation>Show &amp;deactivated</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="71" />
        <source>Unit / department</source>
        <translation>Unit / department</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="71" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="71" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="71" />
        <source>Borrower kind</source>
        <translation>Borrower kind</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="72" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="72" />
        <source>Card no.</source>
        <translation>Card no.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="72" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="72" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="76" />
        <source>&amp;New…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="79" />
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="82" />
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="151" />
        <source>Deac&amp;tivate</source>
        <translation>Deac&amp;tivate</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="84" />
        <source>&amp;Lend to…</source>
        <translation>&amp;Lend to…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="86" />
        <source>&amp;Import staff list…</source>
        <translation>&amp;Import staff list…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="116" />
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="116" />
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="151" />
        <source>Reac&amp;tivate</source>
        <translation>Reac&amp;tivate</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="154" />
        <source>New borrower</source>
        <translation>New borrower</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="156" />
        <source>%1 registered.</source>
        <translation>%1 registered.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="162" />
        <source>Edit borrower</source>
        <translation>Edit borrower</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="165" />
        <source>%1 saved.</source>
        <translation>%1 saved.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="192" />
        <source>%1 reactivated.</source>
        <translation>%1 reactivated.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="192" />
        <source>%1 deactivated; the loan history is kept.</source>
        <translation>%1 deactivated; the loan history is kept.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="204" />
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="221" />
        <source>Import staff list</source>
        <translation>Import staff list</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="205" />
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="218" />
        <source>%1: %2 new borrower(s); %3 already registered; %4 repeated in the file; %5 rejected. Import the new ones?</source>
        <translation>%1: %2 new borrower(s); %3 already registered; %4 repeated in the file; %5 rejected. Import the new ones?</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="228" />
        <source>Imported %1 borrower(s).</source>
        <translation>Imported %1 borrower(s).</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="230" />
        <source>Not imported: %1</source>
        <translation>Not imported: %1</translation>
    </message>
</context>
<context>
    <name>BulkMoveDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="261" />
        <source>Move volumes</source>
        <translation>Move volumes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="270" />
        <source>Archival codes or barcodes, one a line (scan them here), in the order they should stand</source>
        <translation>Archival codes or barcodes, one a line (scan them here), in the order they should stand</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="281" />
        <source>Scan or type the target layer</source>
        <translation>Scan or type the target layer</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="283" />
        <source>No target layer yet</source>
        <translation>No target layer yet</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="285" />
        <source>Continue onto the following empty layers when the target is full</source>
        <translation>Continue onto the following empty layers when the target is full</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="289" />
        <source>Reason (e.g. reorganising 2019 claims)</source>
        <translation>Reason (e.g. reorganising 2019 claims)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="299" />
        <source>Move</source>
        <translation>Move</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="306" />
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="307" />
        <source>Target layer</source>
        <translation>Target layer</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="310" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="324" />
        <source>%n volume(s)</source>
        <translation><numerusform>%n volume</numerusform><numerusform>%n volumes</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="326" />
        <source>Unknown: %1</source>
        <translation>Unknown: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="355" />
        <source>There is no layer %1</source>
        <translation>There is no layer %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="382" />
        <source>%1 volumes onto %2 layers</source>
        <translation>%1 volumes onto %2 layers</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="385" />
        <source>%1 cannot move (e.g. %2); they stay where they are</source>
        <translation>%1 cannot move (e.g. %2); they stay where they are</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="389" />
        <source>%1 volumes do not fit: the free stretch from %2 is too short. Choose another layer or use the space finder.</source>
        <translation>%1 volumes do not fit: the free stretch from %2 is too short. Choose another layer or use the space finder.</translation>
    </message>
</context>
<context>
    <name>CatalogueArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="159" />
        <source>Search (Ctrl+F): archival code, barcode, title words, pinyin initials, item titles…</source>
        <extracomment>at most this many search hits are listed (ranked); the status bar says when there were more rows read directly at start, before the snapshot is ready saved window state of another layout is ignored the volume table's share of a 1,280-pixel window (pixels) and the detail pane's; the columns are fitted to it the snapshot's worker waits at most this long for the table's first paint (a window never shown)</extracomment>
        <translation>Search (Ctrl+F): archival code, barcode, title words, pinyin initials, item titles…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="162" />
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="275" />
        <source>&amp;Find…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="277" />
        <source>&amp;New volume…</source>
        <translation>&amp;New volume…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="279" />
        <source>&amp;Edit volume…</source>
        <translation>&amp;Edit volume…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="281" />
        <source>Edit &amp;items…</source>
        <translation>Edit &amp;items…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="283" />
        <source>Make &amp;void…</source>
        <translation>Make &amp;void…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="285" />
        <source>&amp;Copy rows</source>
        <translation>&amp;Copy rows</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="287" />
        <source>E&amp;xport selection to Excel…</source>
        <translation>E&amp;xport selection to Excel…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="289" />
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="698" />
        <source>&amp;Undo last change</source>
        <translation>&amp;Undo last change</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="292" />
        <source>Legal &amp;holds…</source>
        <translation>Legal &amp;holds…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="310" />
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="392" />
        <source>Reading the list…</source>
        <translation>Reading the list…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="425" />
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="440" />
        <source>No volume matches “%1”.</source>
        <translation>No volume matches “%1”.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="444" />
        <source>More than %1 volumes match “%2”: the best %n are listed (add a word or a filter).</source>
        <translation><numerusform>More than %1 volumes match “%2”: the best one is listed (add a word or a filter).</numerusform><numerusform>More than %1 volumes match “%2”: the best %n are listed (add a word or a filter).</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="446" />
        <source>%1 volumes match “%2”: the best %n are listed (add a word or a filter).</source>
        <translation><numerusform>%1 volumes match “%2”: the best one is listed (add a word or a filter).</numerusform><numerusform>%1 volumes match “%2”: the best %n are listed (add a word or a filter).</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="449" />
        <source>%n volume(s) match “%1”.</source>
        <translation><numerusform>%n volume matches “%1”.</numerusform><numerusform>%n volumes match “%1”.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="454" />
        <source>%n volume(s)</source>
        <translation><numerusform>%n volume</numerusform><numerusform>%n volumes</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="507" />
        <source>The shelves cannot show this volume.</source>
        <translation>The shelves cannot show this volume.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="580" />
        <source>Undo: create %1</source>
        <translation>Undo: create %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="581" />
        <source>Volume %1 created.</source>
        <translation>Volume %1 created.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="586" />
        <source>Undo: change of %1</source>
        <translation>Undo: change of %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="588" />
        <source>Volume %1 saved.</source>
        <translation>Volume %1 saved.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="659" />
        <source>Make volume void</source>
        <translation>Make volume void</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="660" />
        <source>Make %1 “%2” void? It stays in the catalogue, hidden from the list, with your reason; nothing is deleted.</source>
        <translation>Make %1 “%2” void? It stays in the catalogue, hidden from the list, with your reason; nothing is deleted.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="673" />
        <source>Undo: void %1</source>
        <translation>Undo: void %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="675" />
        <source>Volume %1 is void.</source>
        <translation>Volume %1 is void.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="700" />
        <source>Undone.</source>
        <translation>Undone.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="718" />
        <source>created by mistake (undone)</source>
        <translation>created by mistake (undone)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="727" />
        <source>void undone</source>
        <translation>void undone</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="756" />
        <source>%n row(s) copied: paste them into Excel or WPS.</source>
        <translation><numerusform>%n row copied: paste it into Excel or WPS.</numerusform><numerusform>%n rows copied: paste them into Excel or WPS.</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="763" />
        <source>Select the rows to export first (Ctrl+A selects all).</source>
        <translation>Select the rows to export first (Ctrl+A selects all).</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="766" />
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="766" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="797" />
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="801" />
        <source>%n row(s) exported to %1.</source>
        <translation><numerusform>%n row exported to %1.</numerusform><numerusform>%n rows exported to %1.</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="815" />
        <source>Scanned %1: %2 (not in the current list)</source>
        <translation>Scanned %1: %2 (not in the current list)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="817" />
        <source>Scanned %1: %2</source>
        <translation>Scanned %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="823" />
        <source>Unknown code</source>
        <translation>Unknown code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="824" />
        <source>No volume has the code %1. Create it now?</source>
        <translation>No volume has the code %1. Create it now?</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="827" />
        <source>Create volume</source>
        <translation>Create volume</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="828" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="832" />
        <source>Scanned %1: no such volume</source>
        <translation>Scanned %1: no such volume</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="63" />
        <source>Code</source>
        <extracomment>the category's values before the last saved change, for 撤销: (category id, values)</extracomment>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="63" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="63" />
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="63" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="68" />
        <source>New category</source>
        <translation>New category</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="81" />
        <source>1 to 4 letters, e.g. WS</source>
        <translation>1 to 4 letters, e.g. WS</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="106" />
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="281" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="109" />
        <source>Change the rule anyway</source>
        <translation>Change the rule anyway</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="113" />
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="280" />
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="116" />
        <source>Undo the last change</source>
        <translation>Undo the last change</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="121" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="123" />
        <source>Category code (门类代码)</source>
        <translation>Category code (门类代码)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="124" />
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="167" />
        <source>Name (Chinese)</source>
        <translation>Name (Chinese)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="125" />
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="167" />
        <source>Name (English)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="126" />
        <source>档号 rule</source>
        <translation>档号 rule</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="127" />
        <source>Example</source>
        <translation>Example</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="128" />
        <source>Elements: {fonds} {category} {year} {retention} {org} and a running number {volume:3}, {item:4} or {box:3} (the digits after the colon: its width).</source>
        <translation>Elements: {fonds} {category} {year} {retention} {org} and a running number {volume:3}, {item:4} or {box:3} (the digits after the colon: its width).</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="130" />
        <source>Default retention</source>
        <translation>Default retention</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="167" />
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="167" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="168" />
        <source>Choices</source>
        <translation>Choices</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="168" />
        <source>Personal data</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="172" />
        <source>e.g. 病案号</source>
        <translation>e.g. 病案号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="177" />
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="177" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="178" />
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="178" />
        <source>Amount of money</source>
        <translation>Amount of money</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="179" />
        <source>Choice</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="183" />
        <source>for a choice: the choices, separated by 、</source>
        <translation>for a choice: the choices, separated by 、</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="188" />
        <source>Not personal data</source>
        <translation>Not personal data</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="188" />
        <source>Personal: a name</source>
        <translation>Personal: a name</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="189" />
        <source>Personal: an ID number</source>
        <translation>Personal: an ID number</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="189" />
        <source>Personal: a phone number</source>
        <translation>Personal: a phone number</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="190" />
        <source>Personal: other text</source>
        <translation>Personal: other text</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="192" />
        <source>Set personal data</source>
        <translation>Set personal data</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="197" />
        <source>Add field</source>
        <translation>Add field</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="200" />
        <source>Save the field</source>
        <translation>Save the field</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="204" />
        <source>The category's own fields</source>
        <translation>The category's own fields</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="234" />
        <source>in use</source>
        <translation>in use</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="234" />
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="280" />
        <source>Bring back</source>
        <translation>Bring back</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="297" />
        <source>Create category</source>
        <translation>Create category</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="346" />
        <source>%n existing volume(s) do not fit the new rule. Their codes stay as they are; new volumes follow the new rule. Change the rule anyway, or keep the old one.</source>
        <translation><numerusform>%n existing volume does not fit the new rule. Its code stays as it is; new volumes follow the new rule. Change the rule anyway, or keep the old one.</numerusform><numerusform>%n existing volumes do not fit the new rule. Their codes stay as they are; new volumes follow the new rule. Change the rule anyway, or keep the old one.</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="354" />
        <source>Category %1 created.</source>
        <translation>Category %1 created.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="362" />
        <source>Category %1 saved.</source>
        <translation>Category %1 saved.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="375" />
        <source>The last change of %1 was undone.</source>
        <translation>The last change of %1 was undone.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="421" />
        <source>Give the field a name.</source>
        <translation>Give the field a name.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="107" />
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="115" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="116" />
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="117" />
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="118" />
        <source>New password again</source>
        <translation>New password again</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="123" />
        <source>The two new passwords differ.</source>
        <translation>The two new passwords differ.</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="216" />
        <source>Correct the catalogue</source>
        <translation>Correct the catalogue</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="219" />
        <source>After the stocktake %1 the catalogue can be corrected in one step. Every change is recorded in the audit trail.</source>
        <translation>After the stocktake %1 the catalogue can be corrected in one step. Every change is recorded in the audit trail.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="223" />
        <source>Mark %n volume(s) that were not found as missing</source>
        <translation><numerusform>Mark %n volume that were not found as missing</numerusform><numerusform>Mark %n volumes that were not found as missing</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="226" />
        <source>Record %n misplaced volume(s) where they were found</source>
        <translation><numerusform>Record %n misplaced volume where they were found</numerusform><numerusform>Record %n misplaced volumes where they were found</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="228" />
        <source>; bring %n volume(s) recorded missing but found back in stock</source>
        <translation><numerusform>; bring %n volume recorded missing but found back in stock</numerusform><numerusform>; bring %n volumes recorded missing but found back in stock</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="236" />
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="236" />
        <source>Archival code</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="236" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="239" />
        <source>Mark missing</source>
        <translation>Mark missing</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="240" />
        <source>Move to where found</source>
        <translation>Move to where found</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="241" />
        <source>Back in stock</source>
        <translation>Back in stock</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="242" />
        <source>Left alone</source>
        <translation>Left alone</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="251" />
        <source>Apply the corrections</source>
        <translation>Apply the corrections</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="240" />
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="279" />
        <source>Choose the register</source>
        <translation>Choose the register</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="241" />
        <source>Excel (.xlsx, .xls), WPS or LibreOffice (.ods) workbooks and CSV files (UTF-8 or GBK).</source>
        <translation>Excel (.xlsx, .xls), WPS or LibreOffice (.ods) workbooks and CSV files (UTF-8 or GBK).</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="244" />
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="253" />
        <source>Volumes (案卷目录)</source>
        <translation>Volumes (案卷目录)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="254" />
        <source>Items (卷内目录)</source>
        <translation>Items (卷内目录)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="256" />
        <source>(find the columns automatically)</source>
        <translation>(find the columns automatically)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="263" />
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="265" />
        <source>Sheet</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="266" />
        <source>The rows are</source>
        <translation>The rows are</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="267" />
        <source>Column mapping</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="275" />
        <source>Spreadsheets (%1)</source>
        <extracomment>the path last read (successfully or not): the same path is not read, nor its problem said, twice</extracomment>
        <translation>Spreadsheets (%1)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="275" />
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="310" />
        <source>Every sheet holding a register</source>
        <translation>Every sheet holding a register</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="314" />
        <source>This file holds no sheet to import.</source>
        <translation>This file holds no sheet to import.</translation>
    </message>
</context>
<context>
    <name>FinishedDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="180" />
        <source>Stocktake finished</source>
        <translation>Stocktake finished</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="182" />
        <source>The stocktake %1 is finished and entered in the register of stocktakes.</source>
        <translation>The stocktake %1 is finished and entered in the register of stocktakes.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="196" />
        <source>Save report (PDF)…</source>
        <translation>Save report (PDF)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="197" />
        <source>Export (Excel)…</source>
        <translation>Export (Excel)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="198" />
        <source>Correct the catalogue…</source>
        <translation>Correct the catalogue…</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="142" />
        <source>Create the administrator</source>
        <translation>Create the administrator</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="143" />
        <source>This catalogue has no accounts: anyone at a workstation may do anything, and the trail records the workstation's clerk name only. Create its system administrator (系统管理员) to switch logins on; the administrator then adds the other accounts.</source>
        <translation>This catalogue has no accounts: anyone at a workstation may do anything, and the trail records the workstation's clerk name only. Create its system administrator (系统管理员) to switch logins on; the administrator then adds the other accounts.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="151" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="152" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="153" />
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="157" />
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/first_start.py" line="34" />
        <source>Where does the room keep its catalogue?</source>
        <translation>Where does the room keep its catalogue?</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/first_start.py" line="37" />
        <source>ArchiveDesk keeps the room's catalogue (every volume, loan and label) in one file. Choose a folder that your backups include; the catalogue file is created there.</source>
        <translation>ArchiveDesk keeps the room's catalogue (every volume, loan and label) in one file. Choose a folder that your backups include; the catalogue file is created there.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/first_start.py" line="42" />
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/first_start.py" line="80" />
        <source>This folder is on a network drive. A catalogue there opens read-only: SQLite cannot be shared safely over a network. Choose a folder on this PC (share a catalogue through the room's server).</source>
        <translation>This folder is on a network drive. A catalogue there opens read-only: SQLite cannot be shared safely over a network. Choose a folder on this PC (share a catalogue through the room's server).</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/first_start.py" line="84" />
        <source>This folder is synchronised by OneDrive or another sync client. A sync client copying the catalogue while it is being written can damage it. Choose a folder that is not synchronised, and let the automatic backups go to the synchronised folder instead.</source>
        <translation>This folder is synchronised by OneDrive or another sync client. A sync client copying the catalogue while it is being written can damage it. Choose a folder that is not synchronised, and let the automatic backups go to the synchronised folder instead.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/first_start.py" line="90" />
        <source>Use %1 instead</source>
        <translation>Use %1 instead</translation>
    </message>
</context>
<context>
    <name>FondsPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="39" />
        <source>Fonds code</source>
        <translation>Fonds code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="39" />
        <source>Fonds name</source>
        <translation>Fonds name</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="39" />
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="39" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="46" />
        <source>e.g. Z109</source>
        <translation>e.g. Z109</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="49" />
        <source>e.g. 临川市第一人民医院</source>
        <translation>e.g. 临川市第一人民医院</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="54" />
        <source>Add fonds</source>
        <translation>Add fonds</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="57" />
        <source>Save the name</source>
        <translation>Save the name</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="60" />
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="108" />
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="63" />
        <source>Fonds</source>
        <translation>Fonds</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="65" />
        <source>Fonds code (全宗号)</source>
        <translation>Fonds code (全宗号)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="66" />
        <source>Fonds name (全宗名称)</source>
        <translation>Fonds name (全宗名称)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="73" />
        <source>A fonds code is part of every 档号 and cannot change once volumes use it; a fonds no longer in use is deactivated, never deleted.</source>
        <translation>A fonds code is part of every 档号 and cannot change once volumes use it; a fonds no longer in use is deactivated, never deleted.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="87" />
        <source>in use</source>
        <translation>in use</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="87" />
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="108" />
        <source>Bring back</source>
        <translation>Bring back</translation>
    </message>
</context>
<context>
    <name>HandoverFilterDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="274" />
        <source>Add volumes by a filter</source>
        <translation>Add volumes by a filter</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="276" />
        <source>All fonds</source>
        <translation>All fonds</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="280" />
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="285" />
        <source>Permanent</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="285" />
        <source>30 years</source>
        <translation>30 years</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="285" />
        <source>10 years</source>
        <translation>10 years</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="293" />
        <source> years</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="296" />
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="298" />
        <source>Fonds</source>
        <translation>Fonds</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="299" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="300" />
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="301" />
        <source>Older than</source>
        <translation>Older than</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="302" />
        <source>At most</source>
        <translation>At most</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="304" />
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="305" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/help.py" line="56" />
        <source>ArchiveDesk guide</source>
        <extracomment>the section of an area whose id is not its section's</extracomment>
        <translation>ArchiveDesk guide</translation>
    </message>
</context>
<context>
    <name>HoldsDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="50" />
        <source>Legal holds: %1</source>
        <translation>Legal holds: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="51" />
        <source>A held volume is never due for destruction, cannot be lent, put on an appraisal list or destroyed. A hold is released, never deleted.</source>
        <translation>A held volume is never due for destruction, cannot be lent, put on an appraisal list or destroyed. A hold is released, never deleted.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="57" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="57" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="57" />
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="57" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="58" />
        <source>Placed</source>
        <translation>Placed</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="65" />
        <source>&amp;Release hold</source>
        <translation>&amp;Release hold</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="68" />
        <source>&amp;Print sealing list…</source>
        <translation>&amp;Print sealing list…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="76" />
        <source>Place a hold</source>
        <translation>Place a hold</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="83" />
        <source>This volume (%1)</source>
        <translation>This volume (%1)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="85" />
        <source>Every volume of record no. %1</source>
        <translation>Every volume of record no. %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="88" />
        <source>e.g. medical dispute, sealed in the presence of both sides</source>
        <translation>e.g. medical dispute, sealed in the presence of both sides</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="91" />
        <source>who signs for the patient's side (封存)</source>
        <translation>who signs for the patient's side (封存)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="92" />
        <source>P&amp;lace hold</source>
        <translation>P&amp;lace hold</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="98" />
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="99" />
        <source>&amp;On:</source>
        <translation>&amp;On:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="100" />
        <source>R&amp;eason:</source>
        <translation>R&amp;eason:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="101" />
        <source>Patient's &amp;side:</source>
        <translation>Patient's &amp;side:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="107" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="160" />
        <source>Hold %1 placed: %2</source>
        <translation>Hold %1 placed: %2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="174" />
        <source>Hold %1 released.</source>
        <translation>Hold %1 released.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="208" />
        <source>Sealing list %1</source>
        <translation>Sealing list %1</translation>
    </message>
</context>
<context>
    <name>ImportListDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="66" />
        <source>Import the department's list</source>
        <translation>Import the department's list</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="72" />
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="73" />
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="122" />
        <source>Reading the file…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="79" />
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="87" />
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="79" />
        <source>Header in the file</source>
        <translation>Header in the file</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="79" />
        <source>Imported as</source>
        <translation>Imported as</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="82" />
        <source>Read again with this mapping</source>
        <translation>Read again with this mapping</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="87" />
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="87" />
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="87" />
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="87" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="94" />
        <source>Add the lines</source>
        <translation>Add the lines</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="96" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="103" />
        <source>Columns of the file</source>
        <translation>Columns of the file</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="106" />
        <source>Rows that will not be added</source>
        <translation>Rows that will not be added</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="153" />
        <source>%1 rows read: %2 to add, %3 already in the catalogue (their volumes are updated on receipt), %4 with problems, %5 repeated, %6 skipped (blank, total or signature lines).</source>
        <translation>%1 rows read: %2 to add, %3 already in the catalogue (their volumes are updated on receipt), %4 with problems, %5 repeated, %6 skipped (blank, total or signature lines).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="161" />
        <source>Add %n line(s)</source>
        <translation><numerusform>Add %n line</numerusform><numerusform>Add %n lines</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="174" />
        <source>(not imported)</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="188" />
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="190" />
        <source>Repeated</source>
        <translation>Repeated</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="191" />
        <source>Same archival code as row %1</source>
        <translation>Same archival code as row %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="193" />
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="755" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="756" />
        <source>All accepted rows are written together, or none: a cancel leaves the catalogue as it was.</source>
        <translation>All accepted rows are written together, or none: a cancel leaves the catalogue as it was.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="763" />
        <source>Stop importing</source>
        <translation>Stop importing</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="772" />
        <source>Save the problems as a workbook…</source>
        <translation>Save the problems as a workbook…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="774" />
        <source>Save the problems as a workbook</source>
        <translation>Save the problems as a workbook</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="804" />
        <source>Importing…</source>
        <extracomment>the clerk asked to stop (this page's button, or the wizard's Cancel)</extracomment>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="827" />
        <source>Stopping the import…</source>
        <translation>Stopping the import…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="842" />
        <source>It was too late to stop: the import had already been written.</source>
        <translation>It was too late to stop: the import had already been written.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="843" />
        <source>Imported: %1 new, %2 updated, %3 unchanged, %4 items.</source>
        <translation>Imported: %1 new, %2 updated, %3 unchanged, %4 items.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="846" />
        <source>New fonds created: %1</source>
        <translation>New fonds created: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="849" />
        <source>Updated: %1</source>
        <translation>Updated: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="850" />
        <source>Left out: %1 rows with errors, %2 duplicates, %3 already catalogued and not updated, %4 skipped lines (blank, total and signature lines).</source>
        <translation>Left out: %1 rows with errors, %2 duplicates, %3 already catalogued and not updated, %4 skipped lines (blank, total and signature lines).</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="856" />
        <source>%1 rows were refused by the catalogue:</source>
        <translation>%1 rows were refused by the catalogue:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="870" />
        <source>Sheet %1, row %2 (%3) refused: %4</source>
        <translation>Sheet %1, row %2 (%3) refused: %4</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="872" />
        <source>Row %1 (%2) refused: %3</source>
        <translation>Row %1 (%2) refused: %3</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="877" />
        <source>Nothing was imported: %1</source>
        <translation>Nothing was imported: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="879" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="101" />
        <source>%1 - import problems</source>
        <extracomment>rows the clerk has to look at: not imported because of something in the file the sheet choice "every sheet holding a register"</extracomment>
        <translation>%1 - import problems</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="896" />
        <source>Import a register</source>
        <extracomment>an import was written (the catalogue changed): ``importer.ImportResult``</extracomment>
        <translation>Import a register</translation>
    </message>
</context>
<context>
    <name>IntegrityWatch</name>
    <message>
        <location filename="../../src/archive_desk/ui/integrity_watch.py" line="38" />
        <source>The catalogue %1 is damaged (%2); saving is off.</source>
        <translation>The catalogue %1 is damaged (%2); saving is off.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/integrity_watch.py" line="44" />
        <source>The newest verified backup is %1: restore it with File → Restore from a backup…</source>
        <translation>The newest verified backup is %1: restore it with File → Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/integrity_watch.py" line="45" />
        <source>No verified backup of it was found.</source>
        <translation>No verified backup of it was found.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/integrity_watch.py" line="46" />
        <source>The catalogue is damaged</source>
        <translation>The catalogue is damaged</translation>
    </message>
</context>
<context>
    <name>ItemsEditor</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="68" />
        <source>Items of %1</source>
        <extracomment>the volume's items changed (the area refreshes its row and the detail pane)</extracomment>
        <translation>Items of %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="150" />
        <source>Title of the new item</source>
        <translation>Title of the new item</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="153" />
        <source>Document no.</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="156" />
        <source>Responsible</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="159" />
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="163" />
        <source>pages: </source>
        <translation>pages: </translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="168" />
        <source>&amp;Add at end</source>
        <translation>&amp;Add at end</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="170" />
        <source>&amp;Insert before selected</source>
        <translation>&amp;Insert before selected</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="172" />
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="174" />
        <source>Move &amp;down</source>
        <translation>Move &amp;down</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="176" />
        <source>&amp;Renumber</source>
        <translation>&amp;Renumber</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="178" />
        <source>&amp;Withdraw…</source>
        <translation>&amp;Withdraw…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="110" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="215" />
        <source>%1 item(s), %2 page(s)</source>
        <translation>%1 item(s), %2 page(s)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="280" />
        <source>Items renumbered; page numbers follow the page counts.</source>
        <translation>Items renumbered; page numbers follow the page counts.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="288" />
        <source>Withdraw item</source>
        <translation>Withdraw item</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="289" />
        <source>Withdraw item %1 “%2” from the list? It is kept, marked withdrawn, with your reason.</source>
        <translation>Withdraw item %1 “%2” from the list? It is kept, marked withdrawn, with your reason.</translation>
    </message>
</context>
<context>
    <name>ItemsTableModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="36" />
        <source>No.</source>
        <extracomment>(item id, field, new text): the dialog saves it through catalogue.update_item items whose cells are not editable (shown masked: above the account's clearance)</extracomment>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="37" />
        <source>Document no.</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="38" />
        <source>Responsible</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="39" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="40" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="41" />
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="42" />
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="43" />
        <source>Page no.</source>
        <translation>Page no.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="44" />
        <source>Item code</source>
        <translation>Item code</translation>
    </message>
</context>
<context>
    <name>KeepDialog</name>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="333" />
        <source>Keep %n volume(s)</source>
        <translation><numerusform>Keep %n volume</numerusform><numerusform>Keep %n volumes</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="336" />
        <source>30 years (D30)</source>
        <translation>30 years (D30)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="336" />
        <source>Permanent (Y)</source>
        <translation>Permanent (Y)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="336" />
        <source>10 years (D10)</source>
        <translation>10 years (D10)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="339" />
        <source>e.g. a lawsuit is still open</source>
        <translation>e.g. a lawsuit is still open</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="341" />
        <source>New retention</source>
        <translation>New retention</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="342" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="344" />
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="345" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LabelsArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="195" />
        <source>Scan or type a code, then Enter</source>
        <translation>Scan or type a code, then Enter</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="202" />
        <source>Archival code</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="202" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="207" />
        <source>Add never printed</source>
        <translation>Add never printed</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="209" />
        <source>Add catalogue selection</source>
        <translation>Add catalogue selection</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="213" />
        <source>Add search results…</source>
        <translation>Add search results…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="215" />
        <source>Add a shelf range…</source>
        <translation>Add a shelf range…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="217" />
        <source>Remove selected</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="219" />
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="134" />
        <source>2D imagers (Data Matrix and Code 128)</source>
        <extracomment>what one print run is made of: the records, the template, the stock and the printer's calibration what the last PDF made held: which labels fell back to Data Matrix, which were refused</extracomment>
        <translation>2D imagers (Data Matrix and Code 128)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="135" />
        <source>1D laser scanners only (Code 128)</source>
        <translation>1D laser scanners only (Code 128)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="142" />
        <source>Record the print date</source>
        <translation>Record the print date</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="144" />
        <source>New template…</source>
        <translation>New template…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="150" />
        <source>Scanners in this room</source>
        <translation>Scanners in this room</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="151" />
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="152" />
        <source>Label stock</source>
        <translation>Label stock</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="153" />
        <source>Start at label</source>
        <translation>Start at label</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="154" />
        <source>Printer calibration (mm)</source>
        <translation>Printer calibration (mm)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="156" />
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="157" />
        <source>Offset right</source>
        <translation>Offset right</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="158" />
        <source>Offset down</source>
        <translation>Offset down</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="159" />
        <source>Creep per row</source>
        <translation>Creep per row</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="160" />
        <source>Save calibration</source>
        <translation>Save calibration</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="162" />
        <source>Test page…</source>
        <translation>Test page…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="168" />
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="171" />
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="174" />
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="176" />
        <source>Volume forms…</source>
        <translation>Volume forms…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="238" />
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="294" />
        <source>The room's labels now start with %1 on %2.</source>
        <translation>The room's labels now start with %1 on %2.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="309" />
        <source>(no printer)</source>
        <translation>(no printer)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="331" />
        <source>Calibration saved for %1.</source>
        <translation>Calibration saved for %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="351" />
        <source>%n volume(s) in the batch.</source>
        <translation><numerusform>%n volume in the batch.</numerusform><numerusform>%n volumes in the batch.</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="362" />
        <source>Unknown code: %1</source>
        <translation>Unknown code: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="365" />
        <source>%1 is already in the batch.</source>
        <translation>%1 is already in the batch.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="371" />
        <source>Every volume's label has been printed.</source>
        <translation>Every volume's label has been printed.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="378" />
        <source>Select volumes in the catalogue first.</source>
        <translation>Select volumes in the catalogue first.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="383" />
        <source>Add search results</source>
        <translation>Add search results</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="383" />
        <source>Search for:</source>
        <translation>Search for:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="416" />
        <source>Choose a template and a label stock.</source>
        <translation>Choose a template and a label stock.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="418" />
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="552" />
        <source>The batch is empty: scan or add volumes first.</source>
        <translation>The batch is empty: scan or add volumes first.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="457" />
        <source>%n code(s) are too long for Code 128 on this template and print as Data Matrix: %1</source>
        <translation><numerusform>%n code are too long for Code 128 on this template and print as Data Matrix: %1</numerusform><numerusform>%n codes are too long for Code 128 on this template and print as Data Matrix: %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="461" />
        <source>%n label(s) cannot be printed and are left out:</source>
        <translation><numerusform>%n label cannot be printed and are left out:</numerusform><numerusform>%n labels cannot be printed and are left out:</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="479" />
        <source>The narrowest bars of these barcodes are %1 mm wide. %2 prints at %3 dpi, where they are %4 dots wide, and scanners may not read them. Print on a printer of at least %5 dpi, or choose a larger label.

Print anyway?</source>
        <translation>The narrowest bars of these barcodes are %1 mm wide. %2 prints at %3 dpi, where they are %4 dots wide, and scanners may not read them. Print on a printer of at least %5 dpi, or choose a larger label.

Print anyway?</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="482" />
        <source>This printer</source>
        <translation>This printer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="504" />
        <source>Print date recorded for %n volume(s).</source>
        <translation><numerusform>Print date recorded for %n volume.</numerusform><numerusform>Print date recorded for %n volumes.</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="516" />
        <source>Barcodes too fine for this printer</source>
        <translation>Barcodes too fine for this printer</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="526" />
        <source>Print labels</source>
        <translation>Print labels</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="547" />
        <source>Calibration test page</source>
        <translation>Calibration test page</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="559" />
        <source>Volume forms</source>
        <translation>Volume forms</translation>
    </message>
</context>
<context>
    <name>LayerVolumesModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="22" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="23" />
        <source>Archival code</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="24" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="25" />
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="26" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>LendPanel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="71" />
        <source>Scan the borrower's card, or type a name, card no. or phone and press Enter</source>
        <translation>Scan the borrower's card, or type a name, card no. or phone and press Enter</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="76" />
        <source>Searc&amp;h…</source>
        <translation>Searc&amp;h…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="78" />
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="313" />
        <source>No borrower chosen</source>
        <translation>No borrower chosen</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="84" />
        <source>Scan a volume's barcode or type its archival code and press Enter</source>
        <translation>Scan a volume's barcode or type its archival code and press Enter</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="88" />
        <source>Archival code</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="88" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="88" />
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="88" />
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="89" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="89" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="93" />
        <source>&amp;Remove from list</source>
        <translation>&amp;Remove from list</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="172" />
        <source>Approval required</source>
        <translation>Approval required</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="184" />
        <source>Approving account</source>
        <translation>Approving account</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="185" />
        <source>Paper approval</source>
        <translation>Paper approval</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="201" />
        <source>Approval &amp;by:</source>
        <translation>Approval &amp;by:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="202" />
        <source>Approving &amp;account:</source>
        <translation>Approving &amp;account:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="203" />
        <source>A&amp;pprover:</source>
        <translation>A&amp;pprover:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="204" />
        <source>Approval &amp;form no.:</source>
        <translation>Approval &amp;form no.:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="205" />
        <source>Approval &amp;date:</source>
        <translation>Approval &amp;date:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="206" />
        <source>&amp;Opinion:</source>
        <translation>&amp;Opinion:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="213" />
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="217" />
        <source>e.g. discharge record, pages 3-5</source>
        <translation>e.g. discharge record, pages 3-5</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="221" />
        <source>whole volume</source>
        <translation>whole volume</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="227" />
        <source> yuan</source>
        <translation> yuan</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="228" />
        <source>Stamped (证明印记)</source>
        <translation>Stamped (证明印记)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="229" />
        <source>Made in the requester's presence</source>
        <translation>Made in the requester's presence</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="232" />
        <source>Parts:</source>
        <translation>Parts:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="233" />
        <source>Pages copied:</source>
        <translation>Pages copied:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="234" />
        <source>Copies:</source>
        <translation>Copies:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="235" />
        <source>Fee:</source>
        <translation>Fee:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="241" />
        <source>Request for personal records</source>
        <translation>Request for personal records</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="252" />
        <source>Who asks:</source>
        <translation>Who asks:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="253" />
        <source>Proofs shown:</source>
        <translation>Proofs shown:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="123" />
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="281" />
        <source>&amp;Lend and print slip (Ctrl+Enter)</source>
        <translation>&amp;Lend and print slip (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="126" />
        <source>&amp;Clear</source>
        <translation>&amp;Clear</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="133" />
        <source>&amp;Borrower:</source>
        <translation>&amp;Borrower:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="137" />
        <source>&amp;Volume:</source>
        <translation>&amp;Volume:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="141" />
        <source>P&amp;urpose:</source>
        <translation>P&amp;urpose:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="142" />
        <source>U&amp;se:</source>
        <translation>U&amp;se:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="144" />
        <source>&amp;Due date:</source>
        <translation>&amp;Due date:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="145" />
        <source>Cler&amp;k:</source>
        <translation>Cler&amp;k:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="146" />
        <source>No&amp;tes:</source>
        <translation>No&amp;tes:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="274" />
        <source>Consultation in the reading room: the original stays in the room, no due date.</source>
        <translation>Consultation in the reading room: the original stays in the room, no due date.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="275" />
        <source>Copy made now, in the requester's presence: the original stays in stock.</source>
        <translation>Copy made now, in the requester's presence: the original stays in stock.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="276" />
        <source>Loan: the volumes leave the room until the due date.</source>
        <translation>Loan: the volumes leave the room until the due date.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="279" />
        <source>Record consultation and print slip (Ctrl+Enter)</source>
        <translation>Record consultation and print slip (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="280" />
        <source>Record copy and print slip (Ctrl+Enter)</source>
        <translation>Record copy and print slip (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="318" />
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="320" />
        <source>card %1</source>
        <translation>card %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="323" />
        <source>(deactivated: cannot borrow)</source>
        <translation>(deactivated: cannot borrow)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="347" />
        <source>No borrower matches “%1”.</source>
        <translation>No borrower matches “%1”.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="366" />
        <source>No volume has the code %1.</source>
        <translation>No volume has the code %1.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="371" />
        <source>%1 is already in the list.</source>
        <translation>%1 is already in the list.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="387" />
        <source>Added %1.</source>
        <translation>Added %1.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="426" />
        <source>Needed for: %1</source>
        <translation>Needed for: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="444" />
        <source>the name on the approval form</source>
        <translation>the name on the approval form</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="450" />
        <source>Choose the borrower first: scan the card or type the name.</source>
        <translation>Choose the borrower first: scan the card or type the name.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="455" />
        <source>Scan the volumes to lend.</source>
        <translation>Scan the volumes to lend.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="470" />
        <source>No account may approve this loan (the approve right and clearance for %1 are needed): record the paper approval instead.</source>
        <translation>No account may approve this loan (the approve right and clearance for %1 are needed): record the paper approval instead.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="472" />
        <source>these volumes</source>
        <translation>these volumes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="501" />
        <source>Lent %1 volume(s) to %2 on slip %3.</source>
        <translation>Lent %1 volume(s) to %2 on slip %3.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="504" />
        <source>%1 refused volume(s) were not lent.</source>
        <translation>%1 refused volume(s) were not lent.</translation>
    </message>
</context>
<context>
    <name>LendingArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="48" />
        <source>&amp;1 Lend</source>
        <translation>&amp;1 Lend</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="49" />
        <source>&amp;2 Return</source>
        <translation>&amp;2 Return</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="50" />
        <source>&amp;3 Loans out</source>
        <translation>&amp;3 Loans out</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="51" />
        <source>&amp;4 Overdue</source>
        <translation>&amp;4 Overdue</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="52" />
        <source>&amp;5 Borrowers</source>
        <translation>&amp;5 Borrowers</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="53" />
        <source>&amp;6 Register</source>
        <translation>&amp;6 Register</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="69" />
        <source>Lending</source>
        <translation>Lending</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="106" />
        <source>Borrower: %1</source>
        <translation>Borrower: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="112" />
        <source>%1 is neither a volume nor a borrower's card.</source>
        <translation>%1 is neither a volume nor a borrower's card.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="149" />
        <source>%1 consultation(s) left open were closed at the day's end: %2</source>
        <translation>%1 consultation(s) left open were closed at the day's end: %2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/badges.py" line="24" />
        <source>(%1 overdue)</source>
        <extracomment>badges are recounted this often (and after each change, by the area once it is built)</extracomment>
        <translation>(%1 overdue)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="131" />
        <source>%1 loan(s) overdue</source>
        <translation>%1 loan(s) overdue</translation>
    </message>
</context>
<context>
    <name>LineDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="210" />
        <source>Line %1</source>
        <translation>Line %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="229" />
        <source>Arrived</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="233" />
        <source>as listed</source>
        <translation>as listed</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="237" />
        <source>Archival code</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="238" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="239" />
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="240" />
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="241" />
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="242" />
        <source>Pages listed</source>
        <translation>Pages listed</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="244" />
        <source>Pages counted</source>
        <translation>Pages counted</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="245" />
        <source>Remarks</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="247" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="248" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="99" />
        <source>Result</source>
        <extracomment>background of each class (rows, chips, the last-scan banner)</extracomment>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="101" />
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="37" />
        <source>Archival code</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="102" />
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="38" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="103" />
        <source>Found on</source>
        <translation>Found on</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="104" />
        <source>Belongs on</source>
        <translation>Belongs on</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="105" />
        <source>Catalogue status</source>
        <translation>Catalogue status</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="106" />
        <source>Scanned at</source>
        <translation>Scanned at</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="107" />
        <source>Remarks</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="36" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="39" />
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="40" />
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="41" />
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="42" />
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="43" />
        <source>Pages counted</source>
        <translation>Pages counted</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="44" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="110" />
        <source>taken off</source>
        <translation>taken off</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="111" />
        <source>handed over</source>
        <translation>handed over</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="111" />
        <source>to hand over</source>
        <translation>to hand over</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="114" />
        <source>not arrived yet</source>
        <translation>not arrived yet</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="115" />
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="116" />
        <source>arrived</source>
        <translation>arrived</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="117" />
        <source>not on the list</source>
        <translation>not on the list</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="118" />
        <source>sent back</source>
        <translation>sent back</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="121" />
        <source>, pages differ</source>
        <translation>, pages differ</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="64" />
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="64" />
        <source>The window is locked</source>
        <translation>The window is locked</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="69" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="70" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="72" />
        <source>The window was locked after a time without use. Enter your password to go on.</source>
        <translation>The window was locked after a time without use. Enter your password to go on.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="75" />
        <source>This catalogue is open read-only: your password is checked, but logins and wrong passwords cannot be recorded in its trail.</source>
        <translation>This catalogue is open read-only: your password is checked, but logins and wrong passwords cannot be recorded in its trail.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="70" />
        <source>ArchiveDesk — %1</source>
        <extracomment>badges of areas not built yet are counted this long after the window shows (its first paint first) Ctrl+1 … Ctrl+8 show the areas in navigation order the navigation never takes more than this (pixels); it is otherwise as wide as its longest entry the window's first size (logical pixels), made smaller on a smaller screen opens another catalogue for 文件 → 打开目录库 (``app.build_context``: the composition root hands it in, so that ui/ never imports the app module that imports it); None: the window cannot switch catalogues</extracomment>
        <translation>ArchiveDesk — %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="113" />
        <source>&amp;Refresh</source>
        <extracomment>the areas built so far (the first one with the window, the others on first show) listed, not built yet: area id -&gt; (module, placeholder in the stack)</extracomment>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="143" />
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="144" />
        <source>Shelves</source>
        <translation>Shelves</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="145" />
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="146" />
        <source>Lending</source>
        <translation>Lending</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="147" />
        <source>Transfers</source>
        <translation>Transfers</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="148" />
        <source>Stocktake</source>
        <translation>Stocktake</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="149" />
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="150" />
        <source>Setup</source>
        <translation>Setup</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="151" />
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="172" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="173" />
        <source>&amp;Open catalogue…</source>
        <translation>&amp;Open catalogue…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="182" />
        <source>&amp;Import a register…</source>
        <translation>&amp;Import a register…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="194" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="202" />
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="210" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="222" />
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="223" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="226" />
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="235" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="236" />
        <source>&amp;Guide</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="243" />
        <source>&amp;About ArchiveDesk</source>
        <translation>&amp;About ArchiveDesk</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="276" />
        <source>The language changes when ArchiveDesk is started again.</source>
        <translation>The language changes when ArchiveDesk is started again.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="286" />
        <source>About ArchiveDesk</source>
        <translation>About ArchiveDesk</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="287" />
        <source>ArchiveDesk %1: catalogue, shelves, labels, lending and transfers for one archive room.</source>
        <translation>ArchiveDesk %1: catalogue, shelves, labels, lending and transfers for one archive room.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="460" />
        <source>Scanned %1: not a known code</source>
        <translation>Scanned %1: not a known code</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="328" />
        <source>Check the columns</source>
        <translation>Check the columns</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="329" />
        <source>The header row was found and the columns matched from their headers; correct any that are wrong.</source>
        <translation>The header row was found and the columns matched from their headers; correct any that are wrong.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="330" />
        <source>Set the header row, then choose what each column is imported as.</source>
        <translation>Set the header row, then choose what each column is imported as.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="337" />
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="337" />
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="337" />
        <source>Imported as</source>
        <translation>Imported as</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="353" />
        <source>Save this mapping…</source>
        <extracomment>the sheets imported together, when the clerk chose every sheet why the columns could not be found (the service's message), until the clerk has mapped them</extracomment>
        <translation>Save this mapping…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="356" />
        <source>Header row</source>
        <translation>Header row</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="399" />
        <source>No sheet of this file has a header row with the usual columns (档号, 题名 …); choose one sheet and set its header row by hand.</source>
        <translation>No sheet of this file has a header row with the usual columns (档号, 题名 …); choose one sheet and set its header row by hand.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="405" />
        <source>Sheet %1 has other columns than sheet %2: import the sheets one at a time.</source>
        <translation>Sheet %1 has other columns than sheet %2: import the sheets one at a time.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="410" />
        <source>Importing %1 sheets with the same columns: %2. The columns are checked on sheet %3.</source>
        <translation>Importing %1 sheets with the same columns: %2. The columns are checked on sheet %3.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="416" />
        <source>Sheet %1 is the volumes' item list (卷内目录): its items are imported after the volumes, in the same import.</source>
        <translation>Sheet %1 is the volumes' item list (卷内目录): its items are imported after the volumes, in the same import.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="447" />
        <source>A heading of two rows: %1–%2; data starts on row %3</source>
        <translation>A heading of two rows: %1–%2; data starts on row %3</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="455" />
        <source>(not imported)</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="476" />
        <source>Still needed: %1</source>
        <translation>Still needed: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="487" />
        <source>Save this mapping</source>
        <translation>Save this mapping</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="487" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>NewTemplateDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="617" />
        <source>New label template</source>
        <translation>New label template</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="619" />
        <source>my-label</source>
        <translation>my-label</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="632" />
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="641" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="642" />
        <source>Width</source>
        <translation>Width</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="643" />
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="644" />
        <source>Font size</source>
        <translation>Font size</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="646" />
        <source>Fields</source>
        <translation>Fields</translation>
    </message>
</context>
<context>
    <name>OpenCatalogueDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="45" />
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="135" />
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="205" />
        <source>Open a catalogue</source>
        <translation>Open a catalogue</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="47" />
        <source>A catalogue file on this PC</source>
        <translation>A catalogue file on this PC</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="49" />
        <source>The room's server</source>
        <translation>The room's server</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="57" />
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="69" />
        <source>the server PC's name or address</source>
        <translation>the server PC's name or address</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="81" />
        <source>Remember the password on this PC (in the system's credential store)</source>
        <translation>Remember the password on this PC (in the system's credential store)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="85" />
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="86" />
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="87" />
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="88" />
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="89" />
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="97" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="98" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="136" />
        <source>Catalogues (*.sqlite *.db);;All files (*)</source>
        <translation>Catalogues (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="152" />
        <source>Choose the catalogue file.</source>
        <translation>Choose the catalogue file.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="155" />
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="156" />
        <source>database</source>
        <translation>database</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="157" />
        <source>user</source>
        <translation>user</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="159" />
        <source>Fill in: %1</source>
        <translation>Fill in: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="203" />
        <source>The catalogue could not be opened:
%1</source>
        <translation>The catalogue could not be opened:
%1</translation>
    </message>
</context>
<context>
    <name>OpenFailedDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="34" />
        <source>ArchiveDesk: the catalogue cannot be opened</source>
        <translation>ArchiveDesk: the catalogue cannot be opened</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="47" />
        <source>The newest verified backup, %1, can be opened read-only to look things up.</source>
        <translation>The newest verified backup, %1, can be opened read-only to look things up.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="53" />
        <source>Open another catalogue…</source>
        <translation>Open another catalogue…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="58" />
        <source>Open the backup (read-only)</source>
        <translation>Open the backup (read-only)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="61" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="69" />
        <source>Open a catalogue</source>
        <translation>Open a catalogue</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="70" />
        <source>Catalogues (*.sqlite *.db);;All files (*)</source>
        <translation>Catalogues (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="87" />
        <source>Read-only: saving is off</source>
        <translation>Read-only: saving is off</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="90" />
        <source>This catalogue is on read-only media or in a folder that cannot be written. Search, printing and export work; changes cannot be saved.</source>
        <translation>This catalogue is on read-only media or in a folder that cannot be written. Search, printing and export work; changes cannot be saved.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="94" />
        <source>[read-only]</source>
        <translation>[read-only]</translation>
    </message>
</context>
<context>
    <name>OpenLoansPanel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="42" />
        <source>Filter by slip no., borrower, unit or archival code</source>
        <translation>Filter by slip no., borrower, unit or archival code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="46" />
        <source>Slip</source>
        <translation>Slip</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="46" />
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="46" />
        <source>Unit / department</source>
        <translation>Unit / department</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="46" />
        <source>Lent</source>
        <translation>Lent</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="47" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="47" />
        <source>Volumes out</source>
        <translation>Volumes out</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="47" />
        <source>Renewals</source>
        <translation>Renewals</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="47" />
        <source>Days overdue</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="56" />
        <source>Archival code</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="56" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="56" />
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="56" />
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="59" />
        <source>&amp;Renew…</source>
        <translation>&amp;Renew…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="63" />
        <source>&amp;Print slip…</source>
        <translation>&amp;Print slip…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="108" />
        <source>Choose a slip to see the volumes out on it.</source>
        <translation>Choose a slip to see the volumes out on it.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="110" />
        <source>Volumes out on slip %1 (%2):</source>
        <translation>Volumes out on slip %1 (%2):</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="134" />
        <source>Choose the loan to renew.</source>
        <translation>Choose the loan to renew.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="137" />
        <source>Only a loan has a due date to extend.</source>
        <translation>Only a loan has a due date to extend.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="160" />
        <source>Slip %1 renewed to %2 (renewal no. %3).</source>
        <translation>Slip %1 renewed to %2 (renewal no. %3).</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="169" />
        <source>Choose the loan whose slip to print.</source>
        <translation>Choose the loan whose slip to print.</translation>
    </message>
</context>
<context>
    <name>OverduePanel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="33" />
        <source>Days overdue</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="33" />
        <source>Slip</source>
        <translation>Slip</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="33" />
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="33" />
        <source>Unit / department</source>
        <translation>Unit / department</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="34" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="34" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="34" />
        <source>Renewals</source>
        <translation>Renewals</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="34" />
        <source>Volumes out</source>
        <translation>Volumes out</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="38" />
        <source>Print reminders for &amp;selected borrowers…</source>
        <translation>Print reminders for &amp;selected borrowers…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="40" />
        <source>Print reminders for &amp;all…</source>
        <translation>Print reminders for &amp;all…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="64" />
        <source>%1 overdue loan(s), %2 borrower(s)</source>
        <translation>%1 overdue loan(s), %2 borrower(s)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="72" />
        <source>Select the borrowers to remind.</source>
        <translation>Select the borrowers to remind.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="77" />
        <source>No loan is overdue.</source>
        <translation>No loan is overdue.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="85" />
        <source>Reminders to return archives</source>
        <translation>Reminders to return archives</translation>
    </message>
</context>
<context>
    <name>ParticularsPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/particulars.py" line="36" />
        <source>Preview a loan slip with these particulars…</source>
        <translation>Preview a loan slip with these particulars…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/particulars.py" line="40" />
        <source>How the header of a form will look:</source>
        <translation>How the header of a form will look:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/particulars.py" line="58" />
        <source>(no name yet)</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/particulars.py" line="75" />
        <source>Sample loan slip</source>
        <translation>Sample loan slip</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="340" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="366" />
        <source>%n page(s)</source>
        <translation><numerusform>%n page</numerusform><numerusform>%n pages</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="337" />
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="336" />
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
</context>
<context>
    <name>PdfPrint</name>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="96" />
        <source>The document could not be prepared for printing.</source>
        <translation>The document could not be prepared for printing.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="177" />
        <source>landscape</source>
        <extracomment>pixels one rasterised page may have: 9 M is an A4 page at 300 dpi (8.7 MB in 8-bit grey, 35 MB if the driver turns it into 32-bit colour, as Qt's Windows engine does for images); 600 dpi would be 35 / 139 MB pages that carry fine barcodes (labels) may have 4× as many: an A4 label sheet at 600 dpi text and rules are sharp at 300 dpi; finer only helps barcodes</extracomment>
        <translation>landscape</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="178" />
        <source>portrait</source>
        <translation>portrait</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="193" />
        <source>The printer %1 did not take the paper %2; it prints on %3. Check the paper set in the printer's properties (a custom paper size may have to be added there) and print again if the pages come out wrong.</source>
        <translation>The printer %1 did not take the paper %2; it prints on %3. Check the paper set in the printer's properties (a custom paper size may have to be added there) and print again if the pages come out wrong.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="234" />
        <source>The printer %1 cannot be opened.</source>
        <translation>The printer %1 cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="294" />
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="400" />
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="308" />
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="410" />
        <source>%1 could not be written: %2</source>
        <translation>%1 could not be written: %2</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../../src/archive_desk/ui/permissions.py" line="46" />
        <source>Your role (%1) may not do this.</source>
        <translation>Your role (%1) may not do this.</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="132" />
        <source>OK</source>
        <extracomment>a volume's column -&gt; the import field that names it, for labels the first of the sheet's own columns rows already catalogued: what an update would change (importer.pending_updates)</extracomment>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="132" />
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="132" />
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="133" />
        <source>Already catalogued</source>
        <translation>Already catalogued</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="133" />
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="136" />
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="138" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="139" />
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="193" />
        <source>Repeats sheet %1, row %2</source>
        <translation>Repeats sheet %1, row %2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="194" />
        <source>Repeats row %1</source>
        <translation>Repeats row %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="202" />
        <source>Same as the catalogue</source>
        <translation>Same as the catalogue</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="205" />
        <source>Category fields</source>
        <translation>Category fields</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="212" />
        <source>An update changes %1</source>
        <translation>An update changes %1</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="501" />
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="502" />
        <source>Every row of the file with what will happen to it. Nothing has been written yet.</source>
        <translation>Every row of the file with what will happen to it. Nothing has been written yet.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="504" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="509" />
        <source>Stop checking</source>
        <translation>Stop checking</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="512" />
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="516" />
        <source>Only rows with problems or changes</source>
        <translation>Only rows with problems or changes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="522" />
        <source>Update volumes that are already catalogued</source>
        <translation>Update volumes that are already catalogued</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="524" />
        <source>Create fonds that are not in the catalogue yet</source>
        <translation>Create fonds that are not in the catalogue yet</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="542" />
        <source>Import without locations (kept in the notes)</source>
        <extracomment>the fonds the rows belong to that the catalogue does not hold: created, or their rows refused rows already catalogued -&gt; what an update from them would change a name for each fonds the import creates (from the file's 全宗名称 where it gives one) rows refused only for a place the shelving lacks: imported unshelved, the place in their notes</extracomment>
        <translation>Import without locations (kept in the notes)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="546" />
        <source>Save the problems as a workbook…</source>
        <translation>Save the problems as a workbook…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="589" />
        <source>Reading and checking every row…</source>
        <translation>Reading and checking every row…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="636" />
        <source>e.g. the name of the organisation whose records these are</source>
        <translation>e.g. the name of the organisation whose records these are</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="637" />
        <source>Name of the new fonds %1:</source>
        <translation>Name of the new fonds %1:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="648" />
        <source>New fonds will be created: %1.</source>
        <translation>New fonds will be created: %1.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="651" />
        <source>The catalogue holds no fonds %1: their rows will not be imported. Tick “Create fonds that are not in the catalogue yet”, or add the fonds first.</source>
        <translation>The catalogue holds no fonds %1: their rows will not be imported. Tick “Create fonds that are not in the catalogue yet”, or add the fonds first.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="684" />
        <source>%1 rows read = %2 to import + %3 with errors + %4 duplicates + %5 already catalogued + %6 skipped (%7 blank, %8 total lines, %9 signature lines)</source>
        <translation>%1 rows read = %2 to import + %3 with errors + %4 duplicates + %5 already catalogued + %6 skipped (%7 blank, %8 total lines, %9 signature lines)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="694" />
        <source>Imported without locations: the locations of %1 volumes go into their notes as text, to be shelved later.</source>
        <translation>Imported without locations: the locations of %1 volumes go into their notes as text, to be shelved later.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="698" />
        <source>No shelving is set up yet: the locations of %1 volumes go into their notes as text, to be shelved later.</source>
        <translation>No shelving is set up yet: the locations of %1 volumes go into their notes as text, to be shelved later.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="704" />
        <source>Item list (%1): %2 rows read = %3 to import + %4 with errors + %5 duplicates + %6 already catalogued + %7 skipped</source>
        <translation>Item list (%1): %2 rows read = %3 to import + %4 with errors + %5 duplicates + %6 already catalogued + %7 skipped</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="712" />
        <source>%1 rows are refused only because their location is not in the shelving: tick “Import without locations (kept in the notes)” to import them unshelved, the location kept in their notes.</source>
        <translation>%1 rows are refused only because their location is not in the shelving: tick “Import without locations (kept in the notes)” to import them unshelved, the location kept in their notes.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="716" />
        <source>Of the %1 rows already catalogued, %2 differ from the catalogue (the Problems column says how); tick “Update volumes that are already catalogued” to write the file's values.</source>
        <translation>Of the %1 rows already catalogued, %2 differ from the catalogue (the Problems column says how); tick “Update volumes that are already catalogued” to write the file's values.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="726" />
        <source>The check was stopped before the end; nothing has been imported. Check again to see every row.</source>
        <translation>The check was stopped before the end; nothing has been imported. Check again to see every row.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="548" />
        <source>Save the problems as a workbook</source>
        <translation>Save the problems as a workbook</translation>
    </message>
</context>
<context>
    <name>ProposalsModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="88" />
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="89" />
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="90" />
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="91" />
        <source>Holds</source>
        <translation>Holds</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="92" />
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="93" />
        <source>Where</source>
        <translation>Where</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/i18n.py" line="16" />
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/i18n.py" line="17" />
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>RackDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="120" />
        <source>New rack</source>
        <translation>New rack</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="134" />
        <source>Compact mobile rack</source>
        <translation>Compact mobile rack</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="135" />
        <source>Cabinet</source>
        <translation>Cabinet</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="137" />
        <source>Double-sided (A and B)</source>
        <translation>Double-sided (A and B)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="138" />
        <source>Single-sided</source>
        <translation>Single-sided</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="145" />
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="151" />
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="154" />
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="155" />
        <source>Rack number</source>
        <translation>Rack number</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="156" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="157" />
        <source>Sides</source>
        <translation>Sides</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="158" />
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="159" />
        <source>Sections per column</source>
        <translation>Sections per column</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="160" />
        <source>Layers per section</source>
        <translation>Layers per section</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="161" />
        <source>Capacity of a layer (volumes)</source>
        <translation>Capacity of a layer (volumes)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="162" />
        <source>Width of a layer</source>
        <translation>Width of a layer</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="170" />
        <source>Codes that will be created</source>
        <translation>Codes that will be created</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="176" />
        <source>Create rack</source>
        <translation>Create rack</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="215" />
        <source>Create a room first.</source>
        <translation>Create a room first.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="231" />
        <source>%1 layers, from %2 to %3</source>
        <translation>%1 layers, from %2 to %3</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="236" />
        <source>… and %1 more, to %2</source>
        <translation>… and %1 more, to %2</translation>
    </message>
</context>
<context>
    <name>RackMapView</name>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="220" />
        <source>Choose a rack</source>
        <translation>Choose a rack</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="250" />
        <source>cabinet</source>
        <translation>cabinet</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="250" />
        <source>rack</source>
        <translation>rack</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="256" />
        <source>Room %1 · %2 %3 · side %4</source>
        <translation>Room %1 · %2 %3 · side %4</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="259" />
        <source>Room %1 · %2 %3</source>
        <translation>Room %1 · %2 %3</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="267" />
        <source>Section %1</source>
        <translation>Section %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="276" />
        <source>Column %1</source>
        <translation>Column %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="320" />
        <source>empty</source>
        <translation>empty</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="321" />
        <source>in use</source>
        <translation>in use</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="322" />
        <source>nearly full (85%+)</source>
        <translation>nearly full (85%+)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="323" />
        <source>over capacity</source>
        <translation>over capacity</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="324" />
        <source>reserved</source>
        <translation>reserved</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="325" />
        <source>out of use</source>
        <translation>out of use</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="377" />
        <source>Reserved for %1</source>
        <translation>Reserved for %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="379" />
        <source>Out of use</source>
        <translation>Out of use</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/reason.py" line="18" />
        <source>Reason (required)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/reason.py" line="21" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/reason.py" line="22" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="50" />
        <source>Slip</source>
        <translation>Slip</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="51" />
        <source>Lent</source>
        <translation>Lent</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="52" />
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="53" />
        <source>Unit / department</source>
        <translation>Unit / department</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="54" />
        <source>Archival code</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="55" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="56" />
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="57" />
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="58" />
        <source>Use</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="59" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="60" />
        <source>Returned on</source>
        <translation>Returned on</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="61" />
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="62" />
        <source>Outcome of use</source>
        <translation>Outcome of use</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="63" />
        <source>Approver</source>
        <translation>Approver</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="64" />
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
</context>
<context>
    <name>RegisterPanel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="84" />
        <source>F&amp;rom</source>
        <translation>F&amp;rom</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="86" />
        <source>T&amp;o</source>
        <translation>T&amp;o</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="93" />
        <source>Borrower or unit</source>
        <translation>Borrower or unit</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="95" />
        <source>Archival code</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="98" />
        <source>All purposes</source>
        <translation>All purposes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="102" />
        <source>All uses</source>
        <translation>All uses</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="106" />
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="106" />
        <source>Still out</source>
        <translation>Still out</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="106" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="106" />
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="108" />
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="110" />
        <source>E&amp;xport to Excel…</source>
        <translation>E&amp;xport to Excel…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="169" />
        <source>Showing the newest %1 of %2 lines; export writes all of them.</source>
        <translation>Showing the newest %1 of %2 lines; export writes all of them.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="172" />
        <source>%n line(s)</source>
        <translation><numerusform>%n line</numerusform><numerusform>%n lines</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="175" />
        <source>Export the loan register</source>
        <translation>Export the loan register</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="176" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="189" />
        <source>%1 line(s) written to %2.</source>
        <translation>%1 line(s) written to %2.</translation>
    </message>
</context>
<context>
    <name>RegistersPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="35" />
        <source>Transfer and receiving register</source>
        <translation>Transfer and receiving register</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="36" />
        <source>Destruction register</source>
        <translation>Destruction register</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="38" />
        <source>Received and handed over</source>
        <translation>Received and handed over</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="39" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="40" />
        <source>Handed over</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="43" />
        <source>all years</source>
        <translation>all years</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="46" />
        <source>unit, person, number, code or title</source>
        <translation>unit, person, number, code or title</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="47" />
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="48" />
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="92" />
        <source>%n row(s)</source>
        <translation><numerusform>%n row</numerusform><numerusform>%n rows</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="98" />
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="98" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="106" />
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="139" />
        <source>Renew %1</source>
        <translation>Renew %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="148" />
        <source>Due now:</source>
        <translation>Due now:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="149" />
        <source>&amp;New due date:</source>
        <translation>&amp;New due date:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="150" />
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
</context>
<context>
    <name>ReportsArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="59" />
        <source>Yearly inventory workbook (for the annual report 档案室基本情况年报)</source>
        <translation>Yearly inventory workbook (for the annual report 档案室基本情况年报)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="67" />
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="71" />
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="75" />
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="76" />
        <source>Summary (holdings by fonds, category and retention in volumes, items, pages and boxes; the year's changes; use; stocktakes), the annual report layout, the holdings register and the volumes received, transferred out and destroyed, the year's loans, and a chart.</source>
        <translation>Summary (holdings by fonds, category and retention in volumes, items, pages and boxes; the year's changes; use; stocktakes), the annual report layout, the holdings register and the volumes received, transferred out and destroyed, the year's loans, and a chart.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="82" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="85" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="97" />
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="109" />
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="115" />
        <source>Yearly inventory %1.xlsx</source>
        <translation>Yearly inventory %1.xlsx</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="126" />
        <source>Save the yearly inventory</source>
        <translation>Save the yearly inventory</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="127" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="160" />
        <source>Writing the %1 inventory…</source>
        <translation>Writing the %1 inventory…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="169" />
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="187" />
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="240" />
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="381" />
        <source>Restore from a backup</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="250" />
        <source>Backed up at</source>
        <translation>Backed up at</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="250" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="250" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="250" />
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="251" />
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="251" />
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="258" />
        <source>Other file…</source>
        <translation>Other file…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="261" />
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="263" />
        <source>Restore drill</source>
        <translation>Restore drill</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="265" />
        <source>Restore to a scratch folder and compare; the catalogue in use is not switched</source>
        <translation>Restore to a scratch folder and compare; the catalogue in use is not switched</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="266" />
        <source>Restore…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="268" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="276" />
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="311" />
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="311" />
        <source>FAILED</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="326" />
        <source>Choose a backup</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="327" />
        <source>Catalogue backups (*.sqlite)</source>
        <translation>Catalogue backups (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="365" />
        <source>Verifying %1…</source>
        <translation>Verifying %1…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="372" />
        <source>Restore drill of %1…</source>
        <translation>Restore drill of %1…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="382" />
        <source>Replace the catalogue in use by the backup %1?

The backup is verified and checked first; the catalogue in use is kept as a safety copy beside it. Changes made since the backup are then only in the safety copy. Other workstations must close the catalogue first.</source>
        <translation>Replace the catalogue in use by the backup %1?

The backup is verified and checked first; the catalogue in use is kept as a safety copy beside it. Changes made since the backup are then only in the safety copy. Other workstations must close the catalogue first.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="400" />
        <source>Restoring %1…</source>
        <translation>Restoring %1…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="437" />
        <source>Verified: the backup is good (integrity, audit trail, %1 tables counted and digested).</source>
        <translation>Verified: the backup is good (integrity, audit trail, %1 tables counted and digested).</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="438" />
        <source>The backup FAILED verification:</source>
        <translation>The backup FAILED verification:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="442" />
        <source>Restore drill FAILED:</source>
        <translation>Restore drill FAILED:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="443" />
        <source>Restore drill passed: the backup was restored to a scratch folder and %1 tables are equal to it. Nothing was switched.</source>
        <translation>Restore drill passed: the backup was restored to a scratch folder and %1 tables are equal to it. Nothing was switched.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="446" />
        <source>Rows since the backup (backup → now):</source>
        <translation>Rows since the backup (backup → now):</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="450" />
        <source>Restored and checked: %1 tables equal to the backup. The catalogue in use is now the restored one.</source>
        <translation>Restored and checked: %1 tables equal to the backup. The catalogue in use is now the restored one.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="453" />
        <source>The catalogue that was in use is kept as %1</source>
        <translation>The catalogue that was in use is kept as %1</translation>
    </message>
</context>
<context>
    <name>ReturnPanel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="48" />
        <source>Scan each volume coming back</source>
        <translation>Scan each volume coming back</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="52" />
        <source>Archival code</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="52" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="52" />
        <source>Slip</source>
        <translation>Slip</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="52" />
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="53" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="53" />
        <source>Pages lent</source>
        <translation>Pages lent</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="53" />
        <source>Pages counted</source>
        <translation>Pages counted</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="53" />
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="54" />
        <source>Damage</source>
        <translation>Damage</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="54" />
        <source>Outcome of use</source>
        <translation>Outcome of use</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="54" />
        <source>Outcome, in words</source>
        <translation>Outcome, in words</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="60" />
        <source>&amp;Take back (Ctrl+Enter)</source>
        <translation>&amp;Take back (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="63" />
        <source>&amp;Remove from list</source>
        <translation>&amp;Remove from list</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="70" />
        <source>&amp;Volume:</source>
        <translation>&amp;Volume:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="75" />
        <source>Received b&amp;y:</source>
        <translation>Received b&amp;y:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="91" />
        <source>%1 is already in the list.</source>
        <translation>%1 is already in the list.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="106" />
        <source>if damaged: what</source>
        <translation>if damaged: what</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="113" />
        <source>what the use achieved</source>
        <translation>what the use achieved</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="119" />
        <source>%1 from slip %2: count the pages (%3 lent) and check the condition.</source>
        <translation>%1 from slip %2: count the pages (%3 lent) and check the condition.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="154" />
        <source>Scan the volumes coming back.</source>
        <translation>Scan the volumes coming back.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="165" />
        <source>%1: %2 pages lent, %3 counted</source>
        <translation>%1: %2 pages lent, %3 counted</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="168" />
        <source>Page count differs</source>
        <translation>Page count differs</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="169" />
        <source>The pages counted differ from the pages lent:

%1

Record the return with this difference?</source>
        <translation>The pages counted differ from the pages lent:

%1

Record the return with this difference?</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="172" />
        <source>Nothing was recorded: recount the pages.</source>
        <translation>Nothing was recorded: recount the pages.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="187" />
        <source>Took back %1 volume(s).</source>
        <translation>Took back %1 volume(s).</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="189" />
        <source>Slip(s) %1 fully returned.</source>
        <translation>Slip(s) %1 fully returned.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="192" />
        <source>Still out: %1.</source>
        <translation>Still out: %1.</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="75" />
        <source>New room</source>
        <translation>New room</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="84" />
        <source>e.g. %1</source>
        <translation>e.g. %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="87" />
        <source>Room number</source>
        <translation>Room number</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="88" />
        <source>Code (in location codes)</source>
        <translation>Code (in location codes)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="89" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>RoomKeyDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="39" />
        <source>Room key</source>
        <extracomment>the key was stored: saving works again</extracomment>
        <translation>Room key</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="45" />
        <source>64 hexadecimal digits from the recovery sheet, in groups of 4</source>
        <translation>64 hexadecimal digits from the recovery sheet, in groups of 4</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="46" />
        <source>&amp;Store the key on this PC</source>
        <translation>&amp;Store the key on this PC</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="49" />
        <source>&amp;Print the recovery sheet…</source>
        <translation>&amp;Print the recovery sheet…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="66" />
        <source>This catalogue is not sealed yet: it gets its room key with its first change.</source>
        <translation>This catalogue is not sealed yet: it gets its room key with its first change.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="68" />
        <source>This PC holds the room key of this catalogue (fingerprint %1). Print the recovery sheet and keep it with the room's keys: a new PC needs it.</source>
        <translation>This PC holds the room key of this catalogue (fingerprint %1). Print the recovery sheet and keep it with the room's keys: a new PC needs it.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="71" />
        <source>This catalogue is sealed with a room key that this PC does not hold (fingerprint %1), so nothing can be saved here. Type the key from the catalogue's recovery sheet.</source>
        <translation>This catalogue is sealed with a room key that this PC does not hold (fingerprint %1), so nothing can be saved here. Type the key from the catalogue's recovery sheet.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="91" />
        <source>Print the recovery sheet</source>
        <translation>Print the recovery sheet</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="91" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="113" />
        <source>Room &amp;key…</source>
        <translation>Room &amp;key…</translation>
    </message>
</context>
<context>
    <name>RoomMapView</name>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="546" />
        <source>No racks in this room yet</source>
        <translation>No racks in this room yet</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="537" />
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="563" />
        <source>Cabinet %1</source>
        <translation>Cabinet %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="494" />
        <source>empty</source>
        <translation>empty</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="495" />
        <source>in use</source>
        <translation>in use</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="496" />
        <source>nearly full (85%+)</source>
        <translation>nearly full (85%+)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="497" />
        <source>over capacity</source>
        <translation>over capacity</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="501" />
        <source>% = volumes on the rack against the places its layers have (shelf width where no places are set)</source>
        <translation>% = volumes on the rack against the places its layers have (shelf width where no places are set)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="537" />
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="563" />
        <source>Rack %1</source>
        <translation>Rack %1</translation>
    </message>
</context>
<context>
    <name>RoomTotalsModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="57" />
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="57" />
        <source>Racks</source>
        <translation>Racks</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="57" />
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="57" />
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="57" />
        <source>Used</source>
        <translation>Used</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="58" />
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="58" />
        <source>Fill</source>
        <translation>Fill</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="58" />
        <source>Shelf length (m)</source>
        <translation>Shelf length (m)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="58" />
        <source>Reserved layers</source>
        <translation>Reserved layers</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="71" />
        <source>All rooms</source>
        <translation>All rooms</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="96" />
        <source>Connect to a server catalogue</source>
        <translation>Connect to a server catalogue</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="99" />
        <source>e.g. 192.168.1.20 or archive-server</source>
        <translation>e.g. 192.168.1.20 or archive-server</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="108" />
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="109" />
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="110" />
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="111" />
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="112" />
        <source>ArchiveDesk opens again on the server's catalogue; this window stays on this one.</source>
        <translation>ArchiveDesk opens again on the server's catalogue; this window stays on this one.</translation>
    </message>
</context>
<context>
    <name>SettingEditor</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="70" />
        <source>One a line</source>
        <translation>One a line</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="88" />
        <source>Chinese</source>
        <translation>Chinese</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="88" />
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="88" />
        <source>2D imagers (Code 128 and Data Matrix)</source>
        <translation>2D imagers (Code 128 and Data Matrix)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="89" />
        <source>1D laser scanners (Code 128 only)</source>
        <translation>1D laser scanners (Code 128 only)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="105" />
        <source>no approval by security level</source>
        <translation>no approval by security level</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="107" />
        <source>%1 and above</source>
        <translation>%1 and above</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="108" />
        <source>Borrowers from outside the organisation need approval</source>
        <translation>Borrowers from outside the organisation need approval</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="110" />
        <source>Taking volumes out of the room needs approval</source>
        <translation>Taking volumes out of the room needs approval</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="114" />
        <source>the ways of use that take a volume away, e.g. 外借 (empty: the default)</source>
        <translation>the ways of use that take a volume away, e.g. 外借 (empty: the default)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="115" />
        <source>Security level</source>
        <translation>Security level</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="118" />
        <source>Uses that take away</source>
        <translation>Uses that take away</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="186" />
        <source>Save</source>
        <extracomment>the values before the last save (only those it changed), for 撤销</extracomment>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="189" />
        <source>Undo the last change</source>
        <translation>Undo the last change</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="236" />
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="251" />
        <source>The last change was undone.</source>
        <translation>The last change was undone.</translation>
    </message>
</context>
<context>
    <name>SharesModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="102" />
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="103" />
        <source>Volumes moved here</source>
        <translation>Volumes moved here</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="104" />
        <source>Afterwards</source>
        <translation>Afterwards</translation>
    </message>
</context>
<context>
    <name>ShelfMap</name>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="389" />
        <source>%n layer(s)</source>
        <translation><numerusform>%n layer</numerusform><numerusform>%n layers</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="391" />
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="408" />
        <source>Volumes: %1 of %2 places (%3)</source>
        <translation>Volumes: %1 of %2 places (%3)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="394" />
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="411" />
        <source>Volumes: %1</source>
        <translation>Volumes: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="396" />
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="413" />
        <source>Shelf width: %1 of %2 mm used (%3)</source>
        <translation>Shelf width: %1 of %2 mm used (%3)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="399" />
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="417" />
        <source>No capacity set: fullness unknown</source>
        <translation>No capacity set: fullness unknown</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="419" />
        <source>Fullness shown: %1, the fuller of the two</source>
        <translation>Fullness shown: %1, the fuller of the two</translation>
    </message>
</context>
<context>
    <name>ShelfRangeDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="579" />
        <source>Shelf range</source>
        <translation>Shelf range</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="592" />
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="593" />
        <source>Rack</source>
        <translation>Rack</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="601" />
        <source>(whole room)</source>
        <translation>(whole room)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="603" />
        <source>Rack %1</source>
        <translation>Rack %1</translation>
    </message>
</context>
<context>
    <name>ShelvesArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="257" />
        <source>New room…</source>
        <translation>New room…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="258" />
        <source>New rack…</source>
        <translation>New rack…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="260" />
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="264" />
        <source>Move volumes…</source>
        <translation>Move volumes…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="267" />
        <source>Find space…</source>
        <translation>Find space…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="270" />
        <source>Shelf list of the room…</source>
        <translation>Shelf list of the room…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="271" />
        <source>Shelf list of the rack…</source>
        <translation>Shelf list of the rack…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="272" />
        <source>Shelf list of the layer…</source>
        <translation>Shelf list of the layer…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="274" />
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="278" />
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="280" />
        <source>Rack</source>
        <translation>Rack</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="244" />
        <source>Room overview</source>
        <translation>Room overview</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="245" />
        <source>Rack map</source>
        <translation>Rack map</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="139" />
        <source>Shelving by scan</source>
        <translation>Shelving by scan</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="140" />
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="511" />
        <source>Scan a layer label to start</source>
        <translation>Scan a layer label to start</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="160" />
        <source>Scan a layer label, then the volumes</source>
        <translation>Scan a layer label, then the volumes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="162" />
        <source>Undo last</source>
        <translation>Undo last</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="166" />
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="180" />
        <source>Click a layer on the map to list it</source>
        <translation>Click a layer on the map to list it</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="182" />
        <source>Shelve here</source>
        <translation>Shelve here</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="183" />
        <source>Make this layer the target of shelving by scan</source>
        <translation>Make this layer the target of shelving by scan</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="125" />
        <source>Undo last placement</source>
        <translation>Undo last placement</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="131" />
        <source>Stop shelving</source>
        <translation>Stop shelving</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="290" />
        <source>Shelves</source>
        <translation>Shelves</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="340" />
        <source>Cabinet %1</source>
        <translation>Cabinet %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="340" />
        <source>Rack %1</source>
        <translation>Rack %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="378" />
        <source>%1 layers, %2 of %3 places used (%4)</source>
        <translation>%1 layers, %2 of %3 places used (%4)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="427" />
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="491" />
        <source>Reserved for %1</source>
        <translation>Reserved for %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="429" />
        <source>Out of use</source>
        <translation>Out of use</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="448" />
        <source>This volume is not shelved yet.</source>
        <translation>This volume is not shelved yet.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="476" />
        <source>%1 stands here (scan a layer label first to shelve)</source>
        <translation>%1 stands here (scan a layer label first to shelve)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="480" />
        <source>%1 is neither a layer label nor a volume of this catalogue.</source>
        <translation>%1 is neither a layer label nor a volume of this catalogue.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="487" />
        <source>Layer %1 is out of use; choose another layer.</source>
        <translation>Layer %1 is out of use; choose another layer.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="506" />
        <source>Target %1: scan the volumes to shelve on it.</source>
        <translation>Target %1: scan the volumes to shelve on it.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="548" />
        <source>%1 → %2, number %3 (%4)</source>
        <translation>%1 → %2, number %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="551" />
        <source>(was on %1)</source>
        <translation>(was on %1)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="588" />
        <source>not shelved</source>
        <translation>not shelved</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="589" />
        <source>Undone: %1 is back on %2</source>
        <translation>Undone: %1 is back on %2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="662" />
        <source>Moved %1 volumes onto %2 layers</source>
        <translation>Moved %1 volumes onto %2 layers</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="702" />
        <source>Choose a %1 first.</source>
        <translation>Choose a %1 first.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="702" />
        <source>room</source>
        <translation>room</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="702" />
        <source>rack</source>
        <translation>rack</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="703" />
        <source>layer</source>
        <translation>layer</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="706" />
        <source>Export shelf list</source>
        <translation>Export shelf list</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="706" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="716" />
        <source>Writing %1 …</source>
        <translation>Writing %1 …</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="722" />
        <source>Wrote %1 volumes to %2</source>
        <translation>Wrote %1 volumes to %2</translation>
    </message>
</context>
<context>
    <name>SlipPrintDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="40" />
        <source>Loan slip %1</source>
        <translation>Loan slip %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="44" />
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="45" />
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="48" />
        <source>1 copy</source>
        <translation>1 copy</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="49" />
        <source>2 copies</source>
        <translation>2 copies</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="52" />
        <source>Pape&amp;r:</source>
        <translation>Pape&amp;r:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="54" />
        <source>C&amp;opies:</source>
        <translation>C&amp;opies:</translation>
    </message>
</context>
<context>
    <name>SpaceFinderDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="419" />
        <source>Find space</source>
        <translation>Find space</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="429" />
        <source>Any (30 mm a volume)</source>
        <translation>Any (30 mm a volume)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="433" />
        <source>All rooms</source>
        <translation>All rooms</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="436" />
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="441" />
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="443" />
        <source>of</source>
        <translation>of</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="455" />
        <source>Reserve for (e.g. the incoming transfer)</source>
        <translation>Reserve for (e.g. the incoming transfer)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="456" />
        <source>Reserve</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="459" />
        <source>Show on map</source>
        <translation>Show on map</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="468" />
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="472" />
        <source>Reservations</source>
        <translation>Reservations</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="505" />
        <source>Nearest to %1, where this category's shelving ends (%2 mm a volume)</source>
        <translation>Nearest to %1, where this category's shelving ends (%2 mm a volume)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="508" />
        <source>Nearest to the start of the first room (%1 mm a volume)</source>
        <translation>Nearest to the start of the first room (%1 mm a volume)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="513" />
        <source>No stretch of free layers holds that many volumes.</source>
        <translation>No stretch of free layers holds that many volumes.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="522" />
        <source>Choose a proposal first.</source>
        <translation>Choose a proposal first.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="529" />
        <source>Reserved %1 layers (%2 … %3) for %4</source>
        <translation>Reserved %1 layers (%2 … %3) for %4</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="541" />
        <source>Released %1 layers reserved for %2</source>
        <translation>Released %1 layers reserved for %2</translation>
    </message>
</context>
<context>
    <name>StocktakeArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="295" />
        <source>Stocktake</source>
        <translation>Stocktake</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="304" />
        <source>New stocktake</source>
        <translation>New stocktake</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="308" />
        <source>Stocktake %1</source>
        <translation>Stocktake %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="309" />
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="329" />
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="344" />
        <source>Stocktake name</source>
        <translation>Stocktake name</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="312" />
        <source>Rooms and racks</source>
        <translation>Rooms and racks</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="312" />
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="318" />
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="344" />
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="314" />
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="329" />
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="344" />
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="317" />
        <source>single layers: location codes, separated by spaces or commas</source>
        <translation>single layers: location codes, separated by spaces or commas</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="319" />
        <source>Start the stocktake</source>
        <translation>Start the stocktake</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="325" />
        <source>Open stocktakes (resume where you stopped)</source>
        <translation>Open stocktakes (resume where you stopped)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="329" />
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="344" />
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="329" />
        <source>Scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="333" />
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="342" />
        <source>Register of stocktakes (清点检查登记)</source>
        <translation>Register of stocktakes (清点检查登记)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="344" />
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="345" />
        <source>Action taken</source>
        <translation>Action taken</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="352" />
        <source>Report (PDF)…</source>
        <translation>Report (PDF)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="353" />
        <source>Report (Excel)…</source>
        <translation>Report (Excel)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="354" />
        <source>Correct the catalogue…</source>
        <translation>Correct the catalogue…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="355" />
        <source>Export the register…</source>
        <translation>Export the register…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="403" />
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="415" />
        <source>%n open stocktake(s)</source>
        <translation><numerusform>%n open stocktake</numerusform><numerusform>%n open stocktakes</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="424" />
        <source>Room %1</source>
        <translation>Room %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="430" />
        <source>Cabinet %1</source>
        <translation>Cabinet %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="430" />
        <source>Rack %1</source>
        <translation>Rack %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="481" />
        <source>No layer has the code %1.</source>
        <translation>No layer has the code %1.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="549" />
        <source>Scan or type a layer label or a volume's code, then Enter</source>
        <translation>Scan or type a layer label or a volume's code, then Enter</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="582" />
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="585" />
        <source>Everything</source>
        <translation>Everything</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="586" />
        <source>Needing attention</source>
        <translation>Needing attention</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="592" />
        <source>Pause (resume later)</source>
        <translation>Pause (resume later)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="595" />
        <source>Finish the stocktake…</source>
        <translation>Finish the stocktake…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="622" />
        <source>This stocktake is finished.</source>
        <translation>This stocktake is finished.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="630" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="633" />
        <source>Resumed: %n scan(s) so far. Carry on where you stopped.</source>
        <translation><numerusform>Resumed: %n scan so far. Carry on where you stopped.</numerusform><numerusform>Resumed: %n scans so far. Carry on where you stopped.</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="635" />
        <source>Scan the label of the first layer, then every volume on it.</source>
        <translation>Scan the label of the first layer, then every volume on it.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="644" />
        <source>No layer yet: scan a layer label</source>
        <translation>No layer yet: scan a layer label</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="661" />
        <source>Layers counted: %1 of %2 · scans: %3</source>
        <translation>Layers counted: %1 of %2 · scans: %3</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="729" />
        <source>Finish the stocktake %1? Its result goes into the register of stocktakes and cannot be changed afterwards.</source>
        <translation>Finish the stocktake %1? Its result goes into the register of stocktakes and cannot be changed afterwards.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="732" />
        <source>%n layer(s) of the scope were not counted: volumes on them are not judged.</source>
        <translation><numerusform>%n layer of the scope were not counted: volumes on them are not judged.</numerusform><numerusform>%n layers of the scope were not counted: volumes on them are not judged.</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="733" />
        <source>Finish the stocktake</source>
        <translation>Finish the stocktake</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="773" />
        <source>Save the stocktake report</source>
        <translation>Save the stocktake report</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="774" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="783" />
        <source>Export the stocktake report</source>
        <translation>Export the stocktake report</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="784" />
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="794" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="792" />
        <source>Export the register of stocktakes</source>
        <translation>Export the register of stocktakes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="793" />
        <source>Register of stocktakes</source>
        <translation>Register of stocktakes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="807" />
        <source>Writing…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="812" />
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="842" />
        <source>Catalogue corrected: %1 marked missing, %2 moved, %3 back in stock.</source>
        <translation>Catalogue corrected: %1 marked missing, %2 moved, %3 back in stock.</translation>
    </message>
</context>
<context>
    <name>TransfersArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/area.py" line="29" />
        <source>Receiving</source>
        <translation>Receiving</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/area.py" line="30" />
        <source>Handing over</source>
        <translation>Handing over</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/area.py" line="31" />
        <source>Appraisal and destruction</source>
        <translation>Appraisal and destruction</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/area.py" line="32" />
        <source>Registers</source>
        <translation>Registers</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/area.py" line="40" />
        <source>Transfers</source>
        <translation>Transfers</translation>
    </message>
</context>
<context>
    <name>VolumeDetailView</name>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="135" />
        <source>Details</source>
        <extracomment>the items' 题名 in the side pane keeps room for at least this many characters why the volume is held (封存, litigation …): never due, lent or destroyed while any stands when its retention runs out under the schedule, and from which day (services/retention.py) the personal fields shown unmasked (logged as a view: services/masking.py) the status a person sees: the stored one, or 阅览中 while a consultation is open (services/reading.py) "Show on shelf": the area asks the window to open the shelves area at the volume's layer "Legal holds…": the area opens the holds of the volume (place, release, print the 封存 list) whose pane it is: hidden titles and personal fields come masked for them (services/masking.py)</extracomment>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="152" />
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="248" />
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="322" />
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="162" />
        <source>Slip no.</source>
        <translation>Slip no.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="162" />
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="162" />
        <source>Use</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="163" />
        <source>Lent on</source>
        <translation>Lent on</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="163" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="163" />
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="175" />
        <source>Loans</source>
        <translation>Loans</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="177" />
        <source>Location and loans</source>
        <translation>Location and loans</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="181" />
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="181" />
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="181" />
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="181" />
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="186" />
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="240" />
        <source>No volume selected</source>
        <translation>No volume selected</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="265" />
        <source>Items (%1)</source>
        <translation>Items (%1)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="267" />
        <source>Not shelved yet.</source>
        <translation>Not shelved yet.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="317" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="303" />
        <source>Archival code</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="167" />
        <source>Show on shelf</source>
        <translation>Show on shelf</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="169" />
        <source>Open the shelves with this volume's layer highlighted</source>
        <translation>Open the shelves with this volume's layer highlighted</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="188" />
        <source>Legal holds…</source>
        <translation>Legal holds…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="190" />
        <source>Place a hold (封存, litigation, audit, unsettled matter) on this volume or release one; print the sealing list</source>
        <translation>Place a hold (封存, litigation, audit, unsettled matter) on this volume or release one; print the sealing list</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="295" />
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="304" />
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="305" />
        <source>Fonds</source>
        <translation>Fonds</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="306" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="307" />
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="308" />
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="309" />
        <source> (%1 years)</source>
        <translation> (%1 years)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="310" />
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="312" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="314" />
        <source>Box no.</source>
        <translation>Box no.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="316" />
        <source>Item numbers</source>
        <translation>Item numbers</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="318" />
        <source>Responsible</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="320" />
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="321" />
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="325" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="327" />
        <source>Retention runs out</source>
        <translation>Retention runs out</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="329" />
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="332" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="333" />
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="334" />
        <source>Last changed</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="342" />
        <source>not returned</source>
        <translation>not returned</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="384" />
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="385" />
        <source>changed</source>
        <translation>changed</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="386" />
        <source>made void</source>
        <translation>made void</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="387" />
        <source>status changed</source>
        <translation>status changed</translation>
    </message>
</context>
<context>
    <name>VolumeEditor</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="95" />
        <source>New volume</source>
        <extracomment>above the account's clearance: shown masked, nothing but 密级 and 保密期限 (the secadmin's) changes</extracomment>
        <translation>New volume</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="95" />
        <source>Edit volume %1</source>
        <translation>Edit volume %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="157" />
        <source>Volume %1 (%2) is outside your clearance (%3): its title, notes and fields are masked and cannot be changed. You may still change its security level and period.</source>
        <translation>Volume %1 (%2) is outside your clearance (%3): its title, notes and fields are masked and cannot be changed. You may still change its security level and period.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="311" />
        <source>&amp;Use proposed</source>
        <translation>&amp;Use proposed</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="327" />
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="328" />
        <source> years</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="331" />
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="334" />
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="480" />
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="212" />
        <source>&amp;Fonds</source>
        <translation>&amp;Fonds</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="140" />
        <source>Your role (%1) may not change a volume's security level and period: the security administrator sets them.</source>
        <translation>Your role (%1) may not change a volume's security level and period: the security administrator sets them.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="125" />
        <source>Your role (%1) may not change this volume: it is shown to read.</source>
        <translation>Your role (%1) may not change this volume: it is shown to read.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="123" />
        <source>This volume is outside your clearance: its text is masked and cannot be changed.</source>
        <translation>This volume is outside your clearance: its text is masked and cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="160" />
        <source>Volume %1 (%2) is outside your clearance (%3): its title, notes and fields are masked and cannot be changed.</source>
        <translation>Volume %1 (%2) is outside your clearance (%3): its title, notes and fields are masked and cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="213" />
        <source>&amp;Category</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="214" />
        <source>&amp;Year</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="215" />
        <source>&amp;Retention</source>
        <translation>&amp;Retention</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="216" />
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="217" />
        <source>Archival &amp;code</source>
        <translation>Archival &amp;code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="219" />
        <source>&amp;Title</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="220" />
        <source>Res&amp;ponsible</source>
        <translation>Res&amp;ponsible</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="221" />
        <source>&amp;Security</source>
        <translation>&amp;Security</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="222" />
        <source>Start date</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="223" />
        <source>End date</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="224" />
        <source>Pa&amp;ges</source>
        <translation>Pa&amp;ges</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="225" />
        <source>Box no.</source>
        <translation>Box no.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="226" />
        <source>First item no.</source>
        <translation>First item no.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="227" />
        <source>Last item no.</source>
        <translation>Last item no.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="228" />
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="272" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="275" />
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="277" />
        <source>Bring back the values the editor opened with (Ctrl+R)</source>
        <translation>Bring back the values the editor opened with (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="279" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="467" />
        <source>&lt;b&gt;%1 fields&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 fields&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="552" />
        <source>The code %1 is already used by another volume</source>
        <translation>The code %1 is already used by another volume</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="582" />
        <source>Left empty, the next free code %1 is used.</source>
        <translation>Left empty, the next free code %1 is used.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="584" />
        <source>Next free code in this group: %1</source>
        <translation>Next free code in this group: %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="657" />
        <source>Changed meanwhile</source>
        <translation>Changed meanwhile</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="659" />
        <source>Reload the volume</source>
        <translation>Reload the volume</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="660" />
        <source>Keep my values</source>
        <translation>Keep my values</translation>
    </message>
</context>
<context>
    <name>VolumeFilterBar</name>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="49" />
        <source>contains…</source>
        <extracomment>how many characters a filter's combo box shows (the fonds box twice as many)</extracomment>
        <translation>contains…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="51" />
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="64" />
        <source>Fonds</source>
        <translation>Fonds</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="64" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="64" />
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="65" />
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="65" />
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="66" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="66" />
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="67" />
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="96" />
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="109" />
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="113" />
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="117" />
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="121" />
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="130" />
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="125" />
        <source>Current (not void)</source>
        <translation>Current (not void)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="128" />
        <source>All, void included</source>
        <translation>All, void included</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="131" />
        <source>Not shelved</source>
        <translation>Not shelved</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="135" />
        <source>(own field)</source>
        <translation>(own field)</translation>
    </message>
</context>
<context>
    <name>VolumeTableModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="68" />
        <source>Archival code</source>
        <extracomment>the role that gives a row's volume id volumes shown greyed out the extra column shown with search results whose table it is (services.audit.Actor): titles above their clearance come masked; None = no accounts</extracomment>
        <translation>Archival code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="69" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="70" />
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="71" />
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="72" />
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="73" />
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="74" />
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="75" />
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="76" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="77" />
        <source>Fonds</source>
        <translation>Fonds</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="78" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="79" />
        <source>Responsible</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="80" />
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="81" />
        <source>Matched item</source>
        <translation>Matched item</translation>
    </message>
</context>
<context>
    <name>WaitDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/ops.py" line="289" />
        <source>Saving</source>
        <translation>Saving</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/ops.py" line="294" />
        <source>Waiting for another workstation…</source>
        <translation>Waiting for another workstation…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/ops.py" line="297" />
        <source>Another workstation is saving to the catalogue. This saves as soon as it is done; Cancel leaves the catalogue as it is.</source>
        <translation>Another workstation is saving to the catalogue. This saves as soon as it is done; Cancel leaves the catalogue as it is.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/ops.py" line="303" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/ops.py" line="309" />
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="44" />
        <source>The catalogue is empty</source>
        <extracomment>(action id, object name) of the page's buttons, in order</extracomment>
        <translation>The catalogue is empty</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="50" />
        <source>Start in one of these ways. This page goes away once the catalogue holds its first volume; F1 opens the guide.</source>
        <translation>Start in one of these ways. This page goes away once the catalogue holds its first volume; F1 opens the guide.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="54" />
        <source>Import a register</source>
        <translation>Import a register</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="54" />
        <source>Read the room's Excel or CSV register (登记表) into the catalogue.</source>
        <translation>Read the room's Excel or CSV register (登记表) into the catalogue.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="55" />
        <source>Set up fonds and categories</source>
        <translation>Set up fonds and categories</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="55" />
        <source>The room's name for forms, its fonds, categories and 档号 rules.</source>
        <translation>The room's name for forms, its fonds, categories and 档号 rules.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="56" />
        <source>Set up rooms and compact shelving</source>
        <translation>Set up rooms and compact shelving</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="56" />
        <source>The storerooms and racks, so that volumes get locations.</source>
        <translation>The storerooms and racks, so that volumes get locations.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="57" />
        <source>Open the demo catalogue</source>
        <translation>Open the demo catalogue</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="57" />
        <source>A catalogue of 1,000 sample volumes to try things out, in a window of its own.</source>
        <translation>A catalogue of 1,000 sample volumes to try things out, in a window of its own.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="58" />
        <source>Connect to a server catalogue</source>
        <translation>Connect to a server catalogue</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="58" />
        <source>Open the room's shared catalogue on its PostgreSQL server.</source>
        <translation>Open the room's shared catalogue on its PostgreSQL server.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="163" />
        <source>Demo catalogue</source>
        <translation>Demo catalogue</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="164" />
        <source>The demo could not be started.</source>
        <translation>The demo could not be started.</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="38" />
        <location filename="../../src/archive_desk/ui/ops.py" line="274" />
        <source>ArchiveDesk</source>
        <extracomment>a write kept waiting for another workstation's lock this long says so (seconds) writes queued or running, in every window (tests wait for none) what a write changed (``services.ops.OpChanges``)</extracomment>
        <translation>ArchiveDesk</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="51" />
        <source>ArchiveDesk: unexpected error</source>
        <translation>ArchiveDesk: unexpected error</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="52" />
        <source>Something went wrong that should not have. Your catalogue is safe: the change in progress was not saved. Please copy the details for support.</source>
        <translation>Something went wrong that should not have. Your catalogue is safe: the change in progress was not saved. Please copy the details for support.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="55" />
        <location filename="../../src/archive_desk/ui/crash.py" line="95" />
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="88" />
        <source>ArchiveDesk could not start</source>
        <translation>ArchiveDesk could not start</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="89" />
        <source>(no log file could be written)</source>
        <translation>(no log file could be written)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="90" />
        <source>ArchiveDesk could not start: {error}</source>
        <translation>ArchiveDesk could not start: {error}</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="91" />
        <source>The details are in the log file:
{path}
Please send that file to whoever looks after ArchiveDesk for you.</source>
        <translation>The details are in the log file:
{path}
Please send that file to whoever looks after ArchiveDesk for you.</translation>
    </message>
</context>
</TS>