<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/__init__.py" line="46" />
        <source>How loans work in this room: the loan period, the purposes and uses a slip offers, and when a loan needs an approver.</source>
        <extracomment>page ids, in tab order</extracomment>
        <translation>本档案室的借阅规则：借阅期限、借阅单上的利用目的和利用方式，以及哪些借阅需要审批。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/__init__.py" line="50" />
        <source>How forms and labels print. Lists of fields and names are given as JSON, as the room command takes them.</source>
        <translation>表单和标签的打印方式。字段和名称的列表用 JSON 填写，与 room 命令的格式相同。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/__init__.py" line="56" />
        <source>Room particulars</source>
        <translation>档案室信息</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/__init__.py" line="56" />
        <source>Fonds</source>
        <translation>全宗</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/__init__.py" line="56" />
        <source>Categories</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/__init__.py" line="57" />
        <source>Lending</source>
        <translation>借阅</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/__init__.py" line="57" />
        <source>Forms and labels</source>
        <translation>表单与标签</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/__init__.py" line="68" />
        <source>Setup</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>AppraisalLinesModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="145" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="146" />
        <source>Archival code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="147" />
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="148" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="149" />
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="150" />
        <source>Ran out on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="151" />
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="152" />
        <source>Decision</source>
        <translation>鉴定结论</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="153" />
        <source>New retention</source>
        <translation>新保管期限</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="154" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="143" />
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="142" />
        <source>destroy</source>
        <translation>销毁</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="142" />
        <source>keep</source>
        <translation>续存</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="143" />
        <source>undecided</source>
        <translation>未决定</translation>
    </message>
</context>
<context>
    <name>AppraisalPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="117" />
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="195" />
        <source>List no.</source>
        <translation>清册编号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="117" />
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="196" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="117" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="124" />
        <source>New appraisal list</source>
        <translation>新建鉴定清单</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="136" />
        <source>Appraisal</source>
        <translation>鉴定</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="201" />
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="203" />
        <source>Witnesses</source>
        <translation>监销人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="199" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="227" />
        <source>Add volumes due</source>
        <translation>加入到期案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="229" />
        <source>Retention ran out by</source>
        <translation>保管期限届满截至</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="240" />
        <source>Keep…</source>
        <translation>续存…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="241" />
        <source>Destroy</source>
        <translation>销毁</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="242" />
        <source>Take off the list</source>
        <translation>移出清单</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="243" />
        <source>Destruction list…</source>
        <translation>销毁清册…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="244" />
        <source>Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="274" />
        <source>All fonds</source>
        <translation>全部全宗</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="278" />
        <source>All categories</source>
        <translation>全部门类</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="142" />
        <source>General records</source>
        <translation>一般档案</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="143" />
        <source>Accounting records (jointly with the accounting department)</source>
        <translation>会计档案（会同会计机构）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="145" />
        <source>the lead first, names separated by 、</source>
        <translation>组长在前，姓名以“、”分隔</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="147" />
        <source>会计机构负责人 …、经办人 …</source>
        <translation>会计机构负责人 …、经办人 …</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="149" />
        <source>1. Save the panel</source>
        <translation>1. 保存鉴定小组</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="160" />
        <source>the panel's opinion (鉴定意见书)</source>
        <translation>鉴定意见（鉴定意见书）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="162" />
        <source>2. Write the opinion</source>
        <translation>2. 出具鉴定意见</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="166" />
        <source>3. Approved</source>
        <translation>3. 已批准</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="169" />
        <source>method, e.g. 粉碎</source>
        <translation>销毁方式，如粉碎</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="171" />
        <source>place</source>
        <translation>销毁地点</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="173" />
        <source>4. Destroyed</source>
        <translation>4. 已销毁</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="179" />
        <source>The volumes the two witnesses counted against the list</source>
        <translation>两名监销人对照清册清点的卷数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="180" />
        <source>5. Witnessed: confirm destruction…</source>
        <translation>5. 监销确认…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="197" />
        <source>Appraisal panel</source>
        <translation>鉴定小组</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="198" />
        <source>Accounting signatories</source>
        <translation>会计机构签字人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="200" />
        <source>Opinion</source>
        <translation>鉴定意见</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="202" />
        <source>Destruction</source>
        <translation>销毁</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="203" />
        <source>counted</source>
        <translation>清点</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="325" />
        <source> — kept permanently</source>
        <translation>——永久保存</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="342" />
        <source>%1 volumes: %2 to destroy (%3 pages), %4 kept, %5 not decided</source>
        <translation>共 %1 卷：销毁 %2 卷（%3 页），续存 %4 卷，未决定 %5 卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="445" />
        <source>The opinion is recorded: the list now waits for approval.</source>
        <translation>已出具鉴定意见：清册待审批。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="453" />
        <source>The approval is recorded: destroy the volumes, then record how, where and when.</source>
        <translation>已记录审批：销毁后请登记销毁方式、地点和日期。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="461" />
        <source>The destruction is recorded: the two witnesses count against the list and confirm.</source>
        <translation>已登记销毁：请两名监销人对照清册清点并确认。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="470" />
        <source>Looking for volumes whose retention ran out…</source>
        <translation>正在查找保管期限届满的案卷…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="493" />
        <source>%n volume(s) whose retention ran out were added</source>
        <translation><numerusform>已加入 %n 卷保管期限届满的案卷</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="495" />
        <source>; %n refused</source>
        <translation><numerusform>；%n 条未加入</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="507" />
        <source>Select the volumes to keep first.</source>
        <translation>请先选择要续存的案卷。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="546" />
        <source>%1 is line %2 of the list</source>
        <translation>%1 是清单第 %2 条</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="549" />
        <source>%1 is not on this list</source>
        <translation>%1 不在本清单中</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="560" />
        <source>Destroy %1 volumes and keep %2? The volumes are marked destroyed (their records stay); the list is kept permanently and can never be changed.</source>
        <translation>销毁 %1 卷、续存 %2 卷吗？案卷将标记为已销毁（目录记录保留）；清册永久保存，不能再修改。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="562" />
        <source>Confirm destruction list %1</source>
        <translation>确认销毁清册 %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="580" />
        <source>Confirming… %1 of %2</source>
        <translation>正在确认… %1 / %2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="586" />
        <source>List %1 confirmed: %2 volumes destroyed, %3 kept.</source>
        <translation>清册 %1 已确认：销毁 %2 卷，续存 %3 卷。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="605" />
        <source>Destruction list %1</source>
        <translation>销毁清册 %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="617" />
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="617" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/appraisal_page.py" line="626" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>ApproverDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="178" />
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="179" />
        <source>%1 approves this loan: enter that account's password. The desk stays logged in as it is.</source>
        <translation>由 %1 审批此次借阅：请输入该账户的密码。借阅登记台的登录不变。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="183" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>AuditTrailArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="73" />
        <source>From</source>
        <extracomment>at most this many entries are listed (the export takes every matching one)</extracomment>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="79" />
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="87" />
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="109" />
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="111" />
        <source>Archival code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="88" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="92" />
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="107" />
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="110" />
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="94" />
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="108" />
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="111" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="96" />
        <source>Volume</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="107" />
        <source>Entry</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="107" />
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="110" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="108" />
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="110" />
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="108" />
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="109" />
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="112" />
        <source>Fields shown</source>
        <translation>显示的字段</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="114" />
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="115" />
        <source>Personal-data access</source>
        <translation>个人信息查看记录</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="118" />
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="121" />
        <source>Verify the chain</source>
        <translation>校验日志链</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="147" />
        <source>Audit</source>
        <translation>安全审计</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="189" />
        <source>%n entries listed.</source>
        <translation><numerusform>共列出 %n 条记录。</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="190" />
        <source>The newest %1 entries are listed; narrow the filter or export them all.</source>
        <translation>仅列出最新的 %1 条记录；请缩小筛选范围，或导出全部记录。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="216" />
        <source>Audit trail.xlsx</source>
        <translation>审计日志.xlsx</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="217" />
        <source>Export the audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="217" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="229" />
        <source>%n entries exported to %1.</source>
        <translation><numerusform>已将 %n 条记录导出到 %1。</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/audit_trail.py" line="235" />
        <source>Verifying the chain…</source>
        <translation>正在校验日志链…</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="682" />
        <source>Automatic backup: nothing changed since the last backup, none written.</source>
        <extracomment>the dialogs opened from the File menu (kept so they live while open; tests reach them here)</extracomment>
        <translation>自动备份：自上次备份以来没有变化，未写入新备份。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="688" />
        <source>Automatic backup written and verified: %1</source>
        <translation>自动备份已写入并校验：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="690" />
        <source>AUTOMATIC BACKUP FAILED VERIFICATION: %1</source>
        <translation>自动备份校验失败：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="696" />
        <source>Automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="697" />
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="744" />
        <source>Automatic backup failed</source>
        <translation>自动备份失败</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="698" />
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="745" />
        <source>No backup was written: %1</source>
        <translation>未写入备份：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="712" />
        <source>Backing up before closing…</source>
        <translation>退出前正在备份…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="712" />
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="714" />
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="751" />
        <source>Backup failed verification</source>
        <translation>备份校验失败</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="142" />
        <source>Back up the catalogue</source>
        <translation>备份目录库</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="151" />
        <source>The catalogue stays in use while the backup is written.</source>
        <translation>备份期间目录库可照常使用。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="155" />
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="158" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="160" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="162" />
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="187" />
        <source>Choose a folder for the backup.</source>
        <translation>请选择备份存放的文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="194" />
        <source>Writing and verifying the backup…</source>
        <translation>正在写入并校验备份…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="212" />
        <source>Backup written and verified: %1 (%2, SHA-256 %3…)</source>
        <translation>备份已写入并校验：%1（%2，SHA-256 %3…）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="216" />
        <source>BACKUP FAILED VERIFICATION: %1 is not a good backup.</source>
        <translation>备份校验失败：%1 不是可用的备份。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="222" />
        <source>No backup was written: %1</source>
        <translation>未写入备份：%1</translation>
    </message>
</context>
<context>
    <name>BackupRegisterDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="538" />
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="593" />
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="601" />
        <source>Backup register</source>
        <translation>备份登记</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="544" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="546" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="548" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="600" />
        <source>Export the backup register</source>
        <translation>导出备份登记</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="601" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="476" />
        <source>Backup settings</source>
        <translation>备份设置</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="482" />
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="483" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="485" />
        <source>Back up when ArchiveDesk closes</source>
        <translation>退出档案室桌面管理时备份</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="493" />
        <source>This PC makes the server's scheduled backups</source>
        <translation>由本机执行服务器的定时备份</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="495" />
        <source>A catalogue on the room's server is backed up on the interval by one PC only, never by every PC as it closes.</source>
        <translation>档案室服务器上的目录库只由一台指定的电脑按间隔备份，而不是每台电脑关闭时都备份。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="498" />
        <source>Automatic backups (on the interval and at exit) run only when a folder is chosen. A USB drive or a network folder keeps them away from this computer's disk.</source>
        <translation>选定文件夹后才会自动备份（按间隔及退出时）。备份到 U 盘或网络文件夹，可与本机硬盘分开保存。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="502" />
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="503" />
        <source>Every:</source>
        <translation>间隔：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="506" />
        <source>Keep daily:</source>
        <translation>按日保留：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="507" />
        <source>Keep weekly:</source>
        <translation>按周保留：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="508" />
        <source>Keep monthly:</source>
        <translation>按月保留：</translation>
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
        <translation>备份校验失败，这不是可用的备份。

%1

该文件已保留为 %2 供检查。请重新备份，并检查磁盘或目录库（archive-desk check）。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="102" />
        <source>Backup failed verification</source>
        <translation>备份校验失败</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="115" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="119" />
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="788" />
        <source>&amp;Back up now…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="789" />
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="790" />
        <source>Backup re&amp;gister…</source>
        <translation>备份登记(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="791" />
        <source>Backup &amp;settings…</source>
        <translation>备份设置(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>BatchForm</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="33" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="51" />
        <source>e.g. volume catalogue in two copies</source>
        <translation>例如：案卷目录一式两份</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="53" />
        <source>Save particulars</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="59" />
        <source>Batch no.</source>
        <translation>批次号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="60" />
        <source>Nature</source>
        <translation>交接性质</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="61" />
        <source>Transferring unit</source>
        <translation>移交单位</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="62" />
        <source>Receiving unit</source>
        <translation>接收单位</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="65" />
        <source>received by</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="67" />
        <source>Handed over by</source>
        <translation>移交人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="70" />
        <source>receiving leader</source>
        <translation>接收单位负责人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="72" />
        <source>Transferring leader</source>
        <translation>移交单位负责人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="73" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="74" />
        <source>Finding aids</source>
        <translation>检索工具</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="75" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="89" />
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_form.py" line="89" />
        <source>confirmed %1</source>
        <translation>已确认 %1</translation>
    </message>
</context>
<context>
    <name>BatchLines</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="62" />
        <source>Import the department's list</source>
        <translation>导入移交部门的清单</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="62" />
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv)</source>
        <translation>电子表格 (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="86" />
        <source>%n line(s) added from the list</source>
        <translation><numerusform>已从清单加入 %n 条</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="88" />
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="194" />
        <source>; %n already on the batch</source>
        <translation><numerusform>；%n 卷已在本批次中</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="90" />
        <source>; %n refused</source>
        <translation><numerusform>；%n 条未加入</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="99" />
        <source>New line</source>
        <translation>新条目</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="115" />
        <source>Line %1 added: %2</source>
        <translation>已添加第 %1 条：%2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="158" />
        <source>Line %1 saved.</source>
        <translation>第 %1 条已保存。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="191" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="192" />
        <source>%n volume(s) added</source>
        <translation><numerusform>已加入 %n 卷</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="196" />
        <source>; %n refused (see below)</source>
        <translation><numerusform>；%n 卷未能加入（见下方）</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="205" />
        <source>Select volumes in the catalogue first.</source>
        <translation>请先在案卷目录中选择案卷。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_lines.py" line="247" />
        <source>%n volume(s) taken off the batch</source>
        <translation><numerusform>已将 %n 卷移出本批次</numerusform></translation>
    </message>
</context>
<context>
    <name>BatchOutput</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_output.py" line="42" />
        <source>No space finder is installed.</source>
        <translation>没有安装排架空位查找功能。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_output.py" line="44" />
        <source>Shelf space for %1 volumes: %2</source>
        <translation>%1 卷的排架位置：%2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_output.py" line="72" />
        <source>Transfer list %1</source>
        <translation>移交清册 %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_output.py" line="80" />
        <source>Handover certificate %1</source>
        <translation>交接文据 %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_output.py" line="95" />
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_output.py" line="95" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_output.py" line="106" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>BatchPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="124" />
        <source>Batch no.</source>
        <translation>批次号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="124" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="124" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="124" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="131" />
        <source>New receiving batch</source>
        <translation>新建接收批次</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="131" />
        <source>New handing-over batch</source>
        <translation>新建移出批次</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="143" />
        <source>Import list from Excel…</source>
        <translation>从 Excel 导入清单…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="144" />
        <source>Add line…</source>
        <translation>手工添加…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="145" />
        <source>Add catalogue selection</source>
        <translation>加入目录中选中的案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="146" />
        <source>Add by filter…</source>
        <translation>按条件加入…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="147" />
        <source>Take off the batch</source>
        <translation>移出本批次</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="148" />
        <source>Confirm receiving…</source>
        <translation>确认接收…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="148" />
        <source>Confirm handing over…</source>
        <translation>确认移交…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="150" />
        <source>Transfer list…</source>
        <translation>移交清册…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="151" />
        <source>Handover certificate…</source>
        <translation>交接文据…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="152" />
        <source>Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="153" />
        <source>Propose shelf space</source>
        <translation>建议排架位置</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="178" />
        <source>Scan a volume's barcode (or type its code and press Enter)</source>
        <translation>扫描案卷条码（或输入档号后回车）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="183" />
        <source>as listed</source>
        <translation>按清单</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="184" />
        <source>Pages counted for the next scanned volume; left at "as listed" the list's count is taken</source>
        <translation>下一卷扫描时的实点页数；保持“按清单”则采用清单页数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="185" />
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="185" />
        <source>Scan to add</source>
        <translation>扫描加入</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="188" />
        <source>Pages counted</source>
        <translation>清点页数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="203" />
        <source>All lines</source>
        <translation>全部条目</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="203" />
        <source>Missing / not arrived</source>
        <translation>缺失/未到</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="203" />
        <source>Arrived</source>
        <translation>已到</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="204" />
        <source>Not on the list</source>
        <translation>清单外</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="204" />
        <source>Sent back / taken off</source>
        <translation>已退回/已移出清单</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="205" />
        <source>Pages differ</source>
        <translation>页数不符</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="210" />
        <source>Edit line…</source>
        <translation>编辑条目…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="211" />
        <source>Arrived / not arrived</source>
        <translation>已到/未到</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="237" />
        <source>Not added</source>
        <translation>未能加入</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="251" />
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="251" />
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="314" />
        <source>%1 volumes, %2 items, %3 pages</source>
        <translation>%1 卷，%2 件，%3 页</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="323" />
        <source>On the list %1; arrived %2; missing %3; not on the list %4; sent back %5; pages differ %6</source>
        <translation>清单 %1 卷；已到 %2；缺失 %3；清单外 %4；退回 %5；页数不符 %6</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="325" />
        <source>On the list %1; arrived %2; not arrived yet %3; not on the list %4; sent back %5; pages differ %6</source>
        <translation>清单 %1 卷；已到 %2；未到 %3；清单外 %4；退回 %5；页数不符 %6</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="353" />
        <source>Archive room</source>
        <translation>档案室</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="381" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="412" />
        <source>Choose or start a batch in draft first.</source>
        <translation>请先选择或新建一个草稿批次。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="459" />
        <source>%1 volumes on the list have not arrived. Confirm receiving the %2 that did, and record the others as missing?</source>
        <translation>清单中有 %1 卷未到。确认接收已到的 %2 卷，并将其余记为缺失吗？</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="463" />
        <source>Confirm receiving %1 volumes? They are created in the catalogue; the batch can no longer be changed.</source>
        <translation>确认接收 %1 卷吗？它们将登记入目录，批次确认后不能再修改。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="466" />
        <source>Hand over %1 volumes to %2? They become "transferred out"; the batch can no longer be changed.</source>
        <translation>将 %1 卷移交给%2吗？这些案卷将标记为“已移出”，批次确认后不能再修改。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="468" />
        <source>Confirm batch %1</source>
        <translation>确认批次 %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="470" />
        <source>Confirming…</source>
        <translation>正在确认…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="485" />
        <source>Confirming… %1 of %2</source>
        <translation>正在确认… %1 / %2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="491" />
        <source>Batch %1 received: %2 volumes created, %3 updated, %4 missing.</source>
        <translation>批次 %1 已接收：新建 %2 卷，更新 %3 卷，缺 %4 卷。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/batch_page.py" line="494" />
        <source>Batch %1 handed over: %2 volumes transferred out.</source>
        <translation>批次 %1 已移交：%2 卷已移出。</translation>
    </message>
</context>
<context>
    <name>BorrowerDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="79" />
        <source>Staff (this organisation)</source>
        <translation>本单位职工</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="80" />
        <source>Outside</source>
        <translation>外单位</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="92" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="93" />
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="94" />
        <source>&amp;Unit / department:</source>
        <translation>单位/部门(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="95" />
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="96" />
        <source>&amp;ID number:</source>
        <translation>证件号码(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="97" />
        <source>&amp;Card no.:</source>
        <translation>借阅证号(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="98" />
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>BorrowerPickerDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="167" />
        <source>Choose the borrower</source>
        <translation>选择借阅人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="171" />
        <source>Unit / department</source>
        <translation>单位/部门</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="171" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="171" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="171" />
        <source>Borrower kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="172" />
        <source>Card no.</source>
        <translation>借阅证号</translation>
    </message>
</context>
<context>
    <name>BorrowersPanel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="54" />
        <source>Search name, unit, card no. or phone</source>
        <extracomment>how long a borrowers list stays as it is before the phones it shows are logged (milliseconds)</extracomment>
        <translation>按姓名、单位、借阅证号或电话查找</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="63" />
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="64" />
        <source>Staff</source>
        <translation>本单位</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="65" />
        <source>Outside</source>
        <translation>外单位</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="67" />
        <source>Show &amp;deactivated</source>
        <translation>显示已停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="71" />
        <source>Unit / department</source>
        <translation>单位/部门</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="71" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="71" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="71" />
        <source>Borrower kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="72" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="72" />
        <source>Card no.</source>
        <translation>借阅证号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="72" />
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="72" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="76" />
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="79" />
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="82" />
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="151" />
        <source>Deac&amp;tivate</source>
        <translation>停用(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="84" />
        <source>&amp;Lend to…</source>
        <translation>为其借出(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="86" />
        <source>&amp;Import staff list…</source>
        <translation>导入职工名单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="116" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="116" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="151" />
        <source>Reac&amp;tivate</source>
        <translation>重新启用(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="154" />
        <source>New borrower</source>
        <translation>新建借阅人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="156" />
        <source>%1 registered.</source>
        <translation>已登记借阅人 %1。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="162" />
        <source>Edit borrower</source>
        <translation>编辑借阅人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="165" />
        <source>%1 saved.</source>
        <translation>%1 已保存。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="192" />
        <source>%1 reactivated.</source>
        <translation>%1 已重新启用。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="192" />
        <source>%1 deactivated; the loan history is kept.</source>
        <translation>%1 已停用；借阅记录保留。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="204" />
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="221" />
        <source>Import staff list</source>
        <translation>导入职工名单</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="205" />
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv)</source>
        <translation>电子表格 (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="218" />
        <source>%1: %2 new borrower(s); %3 already registered; %4 repeated in the file; %5 rejected. Import the new ones?</source>
        <translation>%1：新借阅人 %2 名；已登记 %3 名；文件内重复 %4 行；有误 %5 行。导入新借阅人吗？</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="228" />
        <source>Imported %1 borrower(s).</source>
        <translation>已导入 %1 名借阅人。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/borrowers.py" line="230" />
        <source>Not imported: %1</source>
        <translation>未导入：%1</translation>
    </message>
</context>
<context>
    <name>BulkMoveDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="261" />
        <source>Move volumes</source>
        <translation>移架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="270" />
        <source>Archival codes or barcodes, one a line (scan them here), in the order they should stand</source>
        <translation>档号或条码，每行一个（可在此扫描），按应排放的顺序</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="281" />
        <source>Scan or type the target layer</source>
        <translation>扫描或输入目标层</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="283" />
        <source>No target layer yet</source>
        <translation>尚未选择目标层</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="285" />
        <source>Continue onto the following empty layers when the target is full</source>
        <translation>目标层放满后，续放到其后的空层</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="289" />
        <source>Reason (e.g. reorganising 2019 claims)</source>
        <translation>原因（如：整理2019年理赔档案）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="299" />
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="306" />
        <source>Volumes</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="307" />
        <source>Target layer</source>
        <translation>目标层</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="310" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="324" />
        <source>%n volume(s)</source>
        <translation><numerusform>共 %n 卷</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="326" />
        <source>Unknown: %1</source>
        <translation>无法识别：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="355" />
        <source>There is no layer %1</source>
        <translation>没有层 %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="382" />
        <source>%1 volumes onto %2 layers</source>
        <translation>%1 卷放入 %2 个层</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="385" />
        <source>%1 cannot move (e.g. %2); they stay where they are</source>
        <translation>%1 卷不能移动（如：%2），将留在原处</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="389" />
        <source>%1 volumes do not fit: the free stretch from %2 is too short. Choose another layer or use the space finder.</source>
        <translation>有 %1 卷放不下：从 %2 起的连续空层不够。请选择其他层或使用“查找空位”。</translation>
    </message>
</context>
<context>
    <name>CatalogueArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="159" />
        <source>Search (Ctrl+F): archival code, barcode, title words, pinyin initials, item titles…</source>
        <extracomment>at most this many search hits are listed (ranked); the status bar says when there were more rows read directly at start, before the snapshot is ready saved window state of another layout is ignored the volume table's share of a 1,280-pixel window (pixels) and the detail pane's; the columns are fitted to it the snapshot's worker waits at most this long for the table's first paint (a window never shown)</extracomment>
        <translation>检索（Ctrl+F）：档号、条码、题名文字、拼音首字母、卷内文件题名…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="162" />
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="275" />
        <source>&amp;Find…</source>
        <translation>检索(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="277" />
        <source>&amp;New volume…</source>
        <translation>新建案卷(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="279" />
        <source>&amp;Edit volume…</source>
        <translation>编辑案卷(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="281" />
        <source>Edit &amp;items…</source>
        <translation>编辑卷内目录(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="283" />
        <source>Make &amp;void…</source>
        <translation>作废(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="285" />
        <source>&amp;Copy rows</source>
        <translation>复制所选行(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="287" />
        <source>E&amp;xport selection to Excel…</source>
        <translation>将所选导出为 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="289" />
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="698" />
        <source>&amp;Undo last change</source>
        <translation>撤销上一次修改(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="292" />
        <source>Legal &amp;holds…</source>
        <translation>冻结(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="310" />
        <source>Catalogue</source>
        <translation>案卷目录</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="392" />
        <source>Reading the list…</source>
        <translation>正在读取列表…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="425" />
        <source>Searching…</source>
        <translation>正在检索…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="440" />
        <source>No volume matches “%1”.</source>
        <translation>没有与“%1”匹配的案卷。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="444" />
        <source>More than %1 volumes match “%2”: the best %n are listed (add a word or a filter).</source>
        <translation><numerusform>超过 %1 卷与“%2”匹配，列出最匹配的 %n 卷（请增加检索词或筛选条件）。</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="446" />
        <source>%1 volumes match “%2”: the best %n are listed (add a word or a filter).</source>
        <translation><numerusform>共 %1 卷与“%2”匹配，列出最匹配的 %n 卷（请增加检索词或筛选条件）。</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="449" />
        <source>%n volume(s) match “%1”.</source>
        <translation><numerusform>与“%1”匹配的案卷共 %n 卷。</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="454" />
        <source>%n volume(s)</source>
        <translation><numerusform>共 %n 卷</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="507" />
        <source>The shelves cannot show this volume.</source>
        <translation>库房架位无法显示此卷。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="580" />
        <source>Undo: create %1</source>
        <translation>撤销：新建 %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="581" />
        <source>Volume %1 created.</source>
        <translation>案卷 %1 已新建。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="586" />
        <source>Undo: change of %1</source>
        <translation>撤销：对 %1 的修改</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="588" />
        <source>Volume %1 saved.</source>
        <translation>案卷 %1 已保存。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="659" />
        <source>Make volume void</source>
        <translation>作废案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="660" />
        <source>Make %1 “%2” void? It stays in the catalogue, hidden from the list, with your reason; nothing is deleted.</source>
        <translation>将 %1“%2”作废？该案卷仍保留在目录中（列表中默认隐藏），并记录作废原因；不会删除任何内容。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="673" />
        <source>Undo: void %1</source>
        <translation>撤销：作废 %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="675" />
        <source>Volume %1 is void.</source>
        <translation>案卷 %1 已作废。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="700" />
        <source>Undone.</source>
        <translation>已撤销。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="718" />
        <source>created by mistake (undone)</source>
        <translation>误建（已撤销）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="727" />
        <source>void undone</source>
        <translation>撤销作废</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="756" />
        <source>%n row(s) copied: paste them into Excel or WPS.</source>
        <translation><numerusform>已复制 %n 行，可粘贴到 Excel 或 WPS。</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="763" />
        <source>Select the rows to export first (Ctrl+A selects all).</source>
        <translation>请先选择要导出的行（Ctrl+A 全选）。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="766" />
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="766" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="797" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="801" />
        <source>%n row(s) exported to %1.</source>
        <translation><numerusform>已导出 %n 行到 %1。</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="815" />
        <source>Scanned %1: %2 (not in the current list)</source>
        <translation>扫描 %1：%2（不在当前列表中）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="817" />
        <source>Scanned %1: %2</source>
        <translation>扫描 %1：%2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="823" />
        <source>Unknown code</source>
        <translation>未知档号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="824" />
        <source>No volume has the code %1. Create it now?</source>
        <translation>没有档号为 %1 的案卷。现在新建吗？</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="827" />
        <source>Create volume</source>
        <translation>新建案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="828" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="832" />
        <source>Scanned %1: no such volume</source>
        <translation>扫描 %1：没有此案卷</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="63" />
        <source>Code</source>
        <extracomment>the category's values before the last saved change, for 撤销: (category id, values)</extracomment>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="63" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="63" />
        <source>Volumes</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="63" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="68" />
        <source>New category</source>
        <translation>新建门类</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="81" />
        <source>1 to 4 letters, e.g. WS</source>
        <translation>1 至 4 个字母，例如 WS</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="106" />
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="281" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="109" />
        <source>Change the rule anyway</source>
        <translation>仍然修改规则</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="113" />
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="280" />
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="116" />
        <source>Undo the last change</source>
        <translation>撤销上一次修改</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="121" />
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="123" />
        <source>Category code (门类代码)</source>
        <translation>门类代码</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="124" />
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="167" />
        <source>Name (Chinese)</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="125" />
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="167" />
        <source>Name (English)</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="126" />
        <source>档号 rule</source>
        <translation>档号规则</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="127" />
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="128" />
        <source>Elements: {fonds} {category} {year} {retention} {org} and a running number {volume:3}, {item:4} or {box:3} (the digits after the colon: its width).</source>
        <translation>可用要素：{fonds} 全宗号、{category} 门类代码、{year} 年度、{retention} 保管期限、{org} 机构(问题)，以及一个流水号 {volume:3}（案卷号）、{item:4}（件号）或 {box:3}（盒号）（冒号后的数字为位数）。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="130" />
        <source>Default retention</source>
        <translation>默认保管期限</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="167" />
        <source>Key</source>
        <translation>键名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="167" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="168" />
        <source>Choices</source>
        <translation>可选值</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="168" />
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="172" />
        <source>e.g. 病案号</source>
        <translation>例如 病案号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="177" />
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="177" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="178" />
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="178" />
        <source>Amount of money</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="179" />
        <source>Choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="183" />
        <source>for a choice: the choices, separated by 、</source>
        <translation>选项型字段：各可选值，用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="188" />
        <source>Not personal data</source>
        <translation>非个人信息</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="188" />
        <source>Personal: a name</source>
        <translation>个人信息：姓名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="189" />
        <source>Personal: an ID number</source>
        <translation>个人信息：证件号码</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="189" />
        <source>Personal: a phone number</source>
        <translation>个人信息：电话号码</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="190" />
        <source>Personal: other text</source>
        <translation>个人信息：其他文字</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="192" />
        <source>Set personal data</source>
        <translation>设定个人信息</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="197" />
        <source>Add field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="200" />
        <source>Save the field</source>
        <translation>保存字段</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="204" />
        <source>The category's own fields</source>
        <translation>门类自有字段</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="234" />
        <source>in use</source>
        <translation>已用</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="234" />
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="280" />
        <source>Bring back</source>
        <translation>恢复使用</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="297" />
        <source>Create category</source>
        <translation>新建门类</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="346" />
        <source>%n existing volume(s) do not fit the new rule. Their codes stay as they are; new volumes follow the new rule. Change the rule anyway, or keep the old one.</source>
        <translation><numerusform>有 %n 个现有案卷不符合新规则。它们的档号保持不变，新案卷按新规则编号。仍要修改规则，还是保留原规则？</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="354" />
        <source>Category %1 created.</source>
        <translation>已新建门类 %1。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="362" />
        <source>Category %1 saved.</source>
        <translation>门类 %1 已保存。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="375" />
        <source>The last change of %1 was undone.</source>
        <translation>已撤销门类 %1 的上一次修改。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/categories_page.py" line="421" />
        <source>Give the field a name.</source>
        <translation>请填写字段名称。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="107" />
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="115" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="116" />
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="117" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="118" />
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="123" />
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="216" />
        <source>Correct the catalogue</source>
        <translation>更正目录</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="219" />
        <source>After the stocktake %1 the catalogue can be corrected in one step. Every change is recorded in the audit trail.</source>
        <translation>根据盘点“%1”的结果，可一次性更正目录。每项更改都记入审计日志。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="223" />
        <source>Mark %n volume(s) that were not found as missing</source>
        <translation><numerusform>将未找到的 %n 卷标记为缺失</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="226" />
        <source>Record %n misplaced volume(s) where they were found</source>
        <translation><numerusform>按实际发现位置更正 %n 卷错架案卷的存放位置</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="228" />
        <source>; bring %n volume(s) recorded missing but found back in stock</source>
        <translation><numerusform>；将原登记缺失、现已找到的 %n 卷恢复为在库</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="236" />
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="236" />
        <source>Archival code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="236" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="239" />
        <source>Mark missing</source>
        <translation>标记缺失</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="240" />
        <source>Move to where found</source>
        <translation>更正位置</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="241" />
        <source>Back in stock</source>
        <translation>恢复在库</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="242" />
        <source>Left alone</source>
        <translation>不作处理</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="251" />
        <source>Apply the corrections</source>
        <translation>执行更正</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="240" />
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="279" />
        <source>Choose the register</source>
        <translation>选择登记表</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="241" />
        <source>Excel (.xlsx, .xls), WPS or LibreOffice (.ods) workbooks and CSV files (UTF-8 or GBK).</source>
        <translation>支持 Excel（.xlsx、.xls）、WPS 或 LibreOffice（.ods）工作簿以及 CSV 文件（UTF-8 或 GBK 编码）。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="244" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="253" />
        <source>Volumes (案卷目录)</source>
        <translation>案卷（案卷目录）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="254" />
        <source>Items (卷内目录)</source>
        <translation>卷内文件（卷内目录）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="256" />
        <source>(find the columns automatically)</source>
        <translation>（自动识别各列）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="263" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="265" />
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="266" />
        <source>The rows are</source>
        <translation>每行是</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="267" />
        <source>Column mapping</source>
        <translation>列对应关系</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="275" />
        <source>Spreadsheets (%1)</source>
        <extracomment>the path last read (successfully or not): the same path is not read, nor its problem said, twice</extracomment>
        <translation>电子表格（%1）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="275" />
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="310" />
        <source>Every sheet holding a register</source>
        <translation>所有登记表工作表</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="314" />
        <source>This file holds no sheet to import.</source>
        <translation>该文件中没有可导入的工作表。</translation>
    </message>
</context>
<context>
    <name>FinishedDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="180" />
        <source>Stocktake finished</source>
        <translation>盘点已结束</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="182" />
        <source>The stocktake %1 is finished and entered in the register of stocktakes.</source>
        <translation>盘点“%1”已结束，并已记入清点检查登记。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="196" />
        <source>Save report (PDF)…</source>
        <translation>保存盘点报告（PDF）…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="197" />
        <source>Export (Excel)…</source>
        <translation>导出（Excel）…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="198" />
        <source>Correct the catalogue…</source>
        <translation>更正目录…</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="142" />
        <source>Create the administrator</source>
        <translation>创建系统管理员</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="143" />
        <source>This catalogue has no accounts: anyone at a workstation may do anything, and the trail records the workstation's clerk name only. Create its system administrator (系统管理员) to switch logins on; the administrator then adds the other accounts.</source>
        <translation>此目录库尚未设账户：任何人都可在工作站上执行任何操作，审计日志只记录工作站设定的经办人姓名。创建系统管理员后即启用登录；其他账户由系统管理员添加。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="151" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="152" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="153" />
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="157" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/first_start.py" line="34" />
        <source>Where does the room keep its catalogue?</source>
        <translation>档案室的目录库保存在哪里？</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/first_start.py" line="37" />
        <source>ArchiveDesk keeps the room's catalogue (every volume, loan and label) in one file. Choose a folder that your backups include; the catalogue file is created there.</source>
        <translation>档案室桌面管理把档案室的目录库（所有案卷、借阅和标签）保存在一个文件中。请选择一个在您的备份范围内的文件夹，目录库文件将创建在那里。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/first_start.py" line="42" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/first_start.py" line="80" />
        <source>This folder is on a network drive. A catalogue there opens read-only: SQLite cannot be shared safely over a network. Choose a folder on this PC (share a catalogue through the room's server).</source>
        <translation>此文件夹位于网络驱动器上。放在那里的目录库只能以只读方式打开：SQLite 无法通过网络安全共享。请选择本机上的文件夹（多台电脑共用目录库请通过档案室的服务器）。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/first_start.py" line="84" />
        <source>This folder is synchronised by OneDrive or another sync client. A sync client copying the catalogue while it is being written can damage it. Choose a folder that is not synchronised, and let the automatic backups go to the synchronised folder instead.</source>
        <translation>此文件夹由 OneDrive 或其他同步软件同步。同步软件在目录库写入时复制它，可能损坏目录库。请选择一个不同步的文件夹，可以把自动备份放到同步文件夹中。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/first_start.py" line="90" />
        <source>Use %1 instead</source>
        <translation>改用 %1</translation>
    </message>
</context>
<context>
    <name>FondsPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="39" />
        <source>Fonds code</source>
        <translation>全宗号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="39" />
        <source>Fonds name</source>
        <translation>全宗名称</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="39" />
        <source>Volumes</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="39" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="46" />
        <source>e.g. Z109</source>
        <translation>例如 Z109</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="49" />
        <source>e.g. 临川市第一人民医院</source>
        <translation>例如 临川市第一人民医院</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="54" />
        <source>Add fonds</source>
        <translation>添加全宗</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="57" />
        <source>Save the name</source>
        <translation>保存名称</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="60" />
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="108" />
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="63" />
        <source>Fonds</source>
        <translation>全宗</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="65" />
        <source>Fonds code (全宗号)</source>
        <translation>全宗号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="66" />
        <source>Fonds name (全宗名称)</source>
        <translation>全宗名称</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="73" />
        <source>A fonds code is part of every 档号 and cannot change once volumes use it; a fonds no longer in use is deactivated, never deleted.</source>
        <translation>全宗号是每个档号的一部分，已有案卷使用后不能修改；不再使用的全宗可停用，但不会被删除。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="87" />
        <source>in use</source>
        <translation>已用</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="87" />
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/fonds_page.py" line="108" />
        <source>Bring back</source>
        <translation>恢复使用</translation>
    </message>
</context>
<context>
    <name>HandoverFilterDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="274" />
        <source>Add volumes by a filter</source>
        <translation>按条件加入案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="276" />
        <source>All fonds</source>
        <translation>全部全宗</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="280" />
        <source>All categories</source>
        <translation>全部门类</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="285" />
        <source>Permanent</source>
        <translation>永久</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="285" />
        <source>30 years</source>
        <translation>30年</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="285" />
        <source>10 years</source>
        <translation>10年</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="293" />
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="296" />
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="298" />
        <source>Fonds</source>
        <translation>全宗</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="299" />
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="300" />
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="301" />
        <source>Older than</source>
        <translation>早于</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="302" />
        <source>At most</source>
        <translation>最多</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="304" />
        <source>Add</source>
        <translation>加入</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="305" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/help.py" line="56" />
        <source>ArchiveDesk guide</source>
        <extracomment>the section of an area whose id is not its section's</extracomment>
        <translation>ArchiveDesk 使用指南</translation>
    </message>
</context>
<context>
    <name>HoldsDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="50" />
        <source>Legal holds: %1</source>
        <translation>冻结：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="51" />
        <source>A held volume is never due for destruction, cannot be lent, put on an appraisal list or destroyed. A hold is released, never deleted.</source>
        <translation>冻结中的案卷不会到期销毁，不能借出、列入鉴定清册或销毁。冻结只能解除，不能删除。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="57" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="57" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="57" />
        <source>On</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="57" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="58" />
        <source>Placed</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="65" />
        <source>&amp;Release hold</source>
        <translation>解除冻结(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="68" />
        <source>&amp;Print sealing list…</source>
        <translation>打印封存清单(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="76" />
        <source>Place a hold</source>
        <translation>设置冻结</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="83" />
        <source>This volume (%1)</source>
        <translation>本卷（%1）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="85" />
        <source>Every volume of record no. %1</source>
        <translation>病案号 %1 的全部案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="88" />
        <source>e.g. medical dispute, sealed in the presence of both sides</source>
        <translation>如：医疗纠纷，医患双方在场封存</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="91" />
        <source>who signs for the patient's side (封存)</source>
        <translation>患方签字人（封存时填写）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="92" />
        <source>P&amp;lace hold</source>
        <translation>设置冻结(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="98" />
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="99" />
        <source>&amp;On:</source>
        <translation>对象(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="100" />
        <source>R&amp;eason:</source>
        <translation>原因(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="101" />
        <source>Patient's &amp;side:</source>
        <translation>患方(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="107" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="160" />
        <source>Hold %1 placed: %2</source>
        <translation>已设置冻结 %1：%2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="174" />
        <source>Hold %1 released.</source>
        <translation>冻结 %1 已解除。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/holds.py" line="208" />
        <source>Sealing list %1</source>
        <translation>封存清单 %1</translation>
    </message>
</context>
<context>
    <name>ImportListDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="66" />
        <source>Import the department's list</source>
        <translation>导入移交部门的清单</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="72" />
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="73" />
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="122" />
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="79" />
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="87" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="79" />
        <source>Header in the file</source>
        <translation>文件中的表头</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="79" />
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="82" />
        <source>Read again with this mapping</source>
        <translation>按此对应关系重新读取</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="87" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="87" />
        <source>What</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="87" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="87" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="94" />
        <source>Add the lines</source>
        <translation>加入清单</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="96" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="103" />
        <source>Columns of the file</source>
        <translation>文件的列</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="106" />
        <source>Rows that will not be added</source>
        <translation>不会加入的行</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="153" />
        <source>%1 rows read: %2 to add, %3 already in the catalogue (their volumes are updated on receipt), %4 with problems, %5 repeated, %6 skipped (blank, total or signature lines).</source>
        <translation>读入 %1 行：可加入 %2 行，目录中已有 %3 行（接收时更新其案卷），有问题 %4 行，重复 %5 行，跳过 %6 行（空行、合计行或签字行）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="161" />
        <source>Add %n line(s)</source>
        <translation><numerusform>加入 %n 条</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="174" />
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="188" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="190" />
        <source>Repeated</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="191" />
        <source>Same archival code as row %1</source>
        <translation>与第 %1 行档号相同</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="193" />
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="755" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="756" />
        <source>All accepted rows are written together, or none: a cancel leaves the catalogue as it was.</source>
        <translation>所有可导入的行一次性写入，要么全部写入，要么都不写入；取消后目录保持原样。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="763" />
        <source>Stop importing</source>
        <translation>停止导入</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="772" />
        <source>Save the problems as a workbook…</source>
        <translation>将问题保存为工作簿…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="774" />
        <source>Save the problems as a workbook</source>
        <translation>将问题保存为工作簿</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="804" />
        <source>Importing…</source>
        <extracomment>the clerk asked to stop (this page's button, or the wizard's Cancel)</extracomment>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="827" />
        <source>Stopping the import…</source>
        <translation>正在停止导入…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="842" />
        <source>It was too late to stop: the import had already been written.</source>
        <translation>已来不及停止：数据已经导入。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="843" />
        <source>Imported: %1 new, %2 updated, %3 unchanged, %4 items.</source>
        <translation>已导入：新增 %1 卷，更新 %2 卷，未变 %3 卷，卷内文件 %4 件。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="846" />
        <source>New fonds created: %1</source>
        <translation>新建全宗：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="849" />
        <source>Updated: %1</source>
        <translation>已更新：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="850" />
        <source>Left out: %1 rows with errors, %2 duplicates, %3 already catalogued and not updated, %4 skipped lines (blank, total and signature lines).</source>
        <translation>未导入：有错误 %1 行，重复 %2 行，已在目录中且未更新 %3 行，跳过 %4 行（空行、合计行、签字行）。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="856" />
        <source>%1 rows were refused by the catalogue:</source>
        <translation>以下 %1 行未能写入目录：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="870" />
        <source>Sheet %1, row %2 (%3) refused: %4</source>
        <translation>工作表“%1”第 %2 行（%3）未导入：%4</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="872" />
        <source>Row %1 (%2) refused: %3</source>
        <translation>第 %1 行（%2）未导入：%3</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="877" />
        <source>Nothing was imported: %1</source>
        <translation>未导入任何数据：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="879" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="101" />
        <source>%1 - import problems</source>
        <extracomment>rows the clerk has to look at: not imported because of something in the file the sheet choice "every sheet holding a register"</extracomment>
        <translation>%1 - 导入问题</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="896" />
        <source>Import a register</source>
        <extracomment>an import was written (the catalogue changed): ``importer.ImportResult``</extracomment>
        <translation>导入登记表</translation>
    </message>
</context>
<context>
    <name>IntegrityWatch</name>
    <message>
        <location filename="../../src/archive_desk/ui/integrity_watch.py" line="38" />
        <source>The catalogue %1 is damaged (%2); saving is off.</source>
        <translation>目录库 %1 已损坏（%2）；保存已关闭。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/integrity_watch.py" line="44" />
        <source>The newest verified backup is %1: restore it with File → Restore from a backup…</source>
        <translation>最新的已校验备份是 %1：请用“文件 → 从备份恢复…”恢复。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/integrity_watch.py" line="45" />
        <source>No verified backup of it was found.</source>
        <translation>未找到它的已校验备份。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/integrity_watch.py" line="46" />
        <source>The catalogue is damaged</source>
        <translation>目录库已损坏</translation>
    </message>
</context>
<context>
    <name>ItemsEditor</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="68" />
        <source>Items of %1</source>
        <extracomment>the volume's items changed (the area refreshes its row and the detail pane)</extracomment>
        <translation>%1 的卷内目录</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="150" />
        <source>Title of the new item</source>
        <translation>新文件的题名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="153" />
        <source>Document no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="156" />
        <source>Responsible</source>
        <translation>责任者</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="159" />
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="163" />
        <source>pages: </source>
        <translation>页数：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="168" />
        <source>&amp;Add at end</source>
        <translation>添加到末尾(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="170" />
        <source>&amp;Insert before selected</source>
        <translation>插入到所选之前(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="172" />
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="174" />
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="176" />
        <source>&amp;Renumber</source>
        <translation>重新编号(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="178" />
        <source>&amp;Withdraw…</source>
        <translation>撤出(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="110" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="215" />
        <source>%1 item(s), %2 page(s)</source>
        <translation>共 %1 件，%2 页</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="280" />
        <source>Items renumbered; page numbers follow the page counts.</source>
        <translation>已重新编号；页号按各件页数重新推算。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="288" />
        <source>Withdraw item</source>
        <translation>撤出卷内文件</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/items_editor.py" line="289" />
        <source>Withdraw item %1 “%2” from the list? It is kept, marked withdrawn, with your reason.</source>
        <translation>从卷内目录中撤出第 %1 件“%2”？该文件仍保留并标记为已撤出，同时记录原因。</translation>
    </message>
</context>
<context>
    <name>ItemsTableModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="36" />
        <source>No.</source>
        <extracomment>(item id, field, new text): the dialog saves it through catalogue.update_item items whose cells are not editable (shown masked: above the account's clearance)</extracomment>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="37" />
        <source>Document no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="38" />
        <source>Responsible</source>
        <translation>责任者</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="39" />
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="40" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="41" />
        <source>Security</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="42" />
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="43" />
        <source>Page no.</source>
        <translation>页号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/items_table.py" line="44" />
        <source>Item code</source>
        <translation>件号</translation>
    </message>
</context>
<context>
    <name>KeepDialog</name>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="333" />
        <source>Keep %n volume(s)</source>
        <translation><numerusform>续存 %n 卷</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="336" />
        <source>30 years (D30)</source>
        <translation>30年（D30）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="336" />
        <source>Permanent (Y)</source>
        <translation>永久（Y）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="336" />
        <source>10 years (D10)</source>
        <translation>10年（D10）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="339" />
        <source>e.g. a lawsuit is still open</source>
        <translation>例如：涉及未决诉讼</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="341" />
        <source>New retention</source>
        <translation>新保管期限</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="342" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="344" />
        <source>Keep</source>
        <translation>续存</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="345" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LabelsArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="195" />
        <source>Scan or type a code, then Enter</source>
        <translation>扫描或输入档号后按回车</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="202" />
        <source>Archival code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="202" />
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="207" />
        <source>Add never printed</source>
        <translation>添加未打印过标签的案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="209" />
        <source>Add catalogue selection</source>
        <translation>加入目录中选中的案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="213" />
        <source>Add search results…</source>
        <translation>添加检索结果…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="215" />
        <source>Add a shelf range…</source>
        <translation>按架位添加…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="217" />
        <source>Remove selected</source>
        <translation>移除选中</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="219" />
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="134" />
        <source>2D imagers (Data Matrix and Code 128)</source>
        <extracomment>what one print run is made of: the records, the template, the stock and the printer's calibration what the last PDF made held: which labels fell back to Data Matrix, which were refused</extracomment>
        <translation>二维影像式扫描枪（Data Matrix 和 Code 128）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="135" />
        <source>1D laser scanners only (Code 128)</source>
        <translation>只有一维激光扫描枪（Code 128）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="142" />
        <source>Record the print date</source>
        <translation>记录打印日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="144" />
        <source>New template…</source>
        <translation>新建模板…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="150" />
        <source>Scanners in this room</source>
        <translation>本档案室的扫描枪</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="151" />
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="152" />
        <source>Label stock</source>
        <translation>标签纸</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="153" />
        <source>Start at label</source>
        <translation>从第几枚标签开始</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="154" />
        <source>Printer calibration (mm)</source>
        <translation>打印机校准（毫米）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="156" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="157" />
        <source>Offset right</source>
        <translation>向右偏移</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="158" />
        <source>Offset down</source>
        <translation>向下偏移</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="159" />
        <source>Creep per row</source>
        <translation>每行累积偏移</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="160" />
        <source>Save calibration</source>
        <translation>保存校准值</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="162" />
        <source>Test page…</source>
        <translation>测试页…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="168" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="171" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="174" />
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="176" />
        <source>Volume forms…</source>
        <translation>封面与目录…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="238" />
        <source>Labels</source>
        <translation>标签打印</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="294" />
        <source>The room's labels now start with %1 on %2.</source>
        <translation>本档案室的标签现在默认使用 %1，标签纸 %2。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="309" />
        <source>(no printer)</source>
        <translation>（没有打印机）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="331" />
        <source>Calibration saved for %1.</source>
        <translation>已保存打印机 %1 的校准值。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="351" />
        <source>%n volume(s) in the batch.</source>
        <translation><numerusform>本批共 %n 卷。</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="362" />
        <source>Unknown code: %1</source>
        <translation>未知的档号或条码：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="365" />
        <source>%1 is already in the batch.</source>
        <translation>%1 已在本批中。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="371" />
        <source>Every volume's label has been printed.</source>
        <translation>所有案卷的标签都已打印过。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="378" />
        <source>Select volumes in the catalogue first.</source>
        <translation>请先在案卷目录中选择案卷。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="383" />
        <source>Add search results</source>
        <translation>添加检索结果</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="383" />
        <source>Search for:</source>
        <translation>检索：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="416" />
        <source>Choose a template and a label stock.</source>
        <translation>请选择标签模板和标签纸。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="418" />
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="552" />
        <source>The batch is empty: scan or add volumes first.</source>
        <translation>本批为空：请先扫描或添加案卷。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="457" />
        <source>%n code(s) are too long for Code 128 on this template and print as Data Matrix: %1</source>
        <translation><numerusform>%n 个编码在此模板上放不下 Code 128 条码，改印 Data Matrix 二维码：%1</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="461" />
        <source>%n label(s) cannot be printed and are left out:</source>
        <translation><numerusform>%n 枚标签无法打印，已略去：</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="479" />
        <source>The narrowest bars of these barcodes are %1 mm wide. %2 prints at %3 dpi, where they are %4 dots wide, and scanners may not read them. Print on a printer of at least %5 dpi, or choose a larger label.

Print anyway?</source>
        <translation>这些条码最细的线条宽 %1 毫米。%2的分辨率为 %3 dpi，线条只有 %4 个打印点宽，扫描枪可能无法识读。请使用分辨率不低于 %5 dpi 的打印机，或改用更大的标签。

仍要打印吗？</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="482" />
        <source>This printer</source>
        <translation>该打印机</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="504" />
        <source>Print date recorded for %n volume(s).</source>
        <translation><numerusform>已记录 %n 卷的标签打印日期。</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="516" />
        <source>Barcodes too fine for this printer</source>
        <translation>条码线条对该打印机过细</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="526" />
        <source>Print labels</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="547" />
        <source>Calibration test page</source>
        <translation>校准测试页</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="559" />
        <source>Volume forms</source>
        <translation>案卷封面、卷内目录与备考表</translation>
    </message>
</context>
<context>
    <name>LayerVolumesModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="22" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="23" />
        <source>Archival code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="24" />
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="25" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="26" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>LendPanel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="71" />
        <source>Scan the borrower's card, or type a name, card no. or phone and press Enter</source>
        <translation>扫描借阅证，或输入姓名、借阅证号、电话后按回车</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="76" />
        <source>Searc&amp;h…</source>
        <translation>查找(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="78" />
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="313" />
        <source>No borrower chosen</source>
        <translation>尚未选择借阅人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="84" />
        <source>Scan a volume's barcode or type its archival code and press Enter</source>
        <translation>扫描案卷条码，或输入档号后按回车</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="88" />
        <source>Archival code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="88" />
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="88" />
        <source>Security</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="88" />
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="89" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="89" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="93" />
        <source>&amp;Remove from list</source>
        <translation>从列表移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="172" />
        <source>Approval required</source>
        <translation>需要审批</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="184" />
        <source>Approving account</source>
        <translation>审批账户</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="185" />
        <source>Paper approval</source>
        <translation>纸质审批</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="201" />
        <source>Approval &amp;by:</source>
        <translation>审批方式(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="202" />
        <source>Approving &amp;account:</source>
        <translation>审批账户(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="203" />
        <source>A&amp;pprover:</source>
        <translation>审批人(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="204" />
        <source>Approval &amp;form no.:</source>
        <translation>审批单编号(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="205" />
        <source>Approval &amp;date:</source>
        <translation>审批日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="206" />
        <source>&amp;Opinion:</source>
        <translation>审批意见(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="213" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="217" />
        <source>e.g. discharge record, pages 3-5</source>
        <translation>如：出院记录，第3-5页</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="221" />
        <source>whole volume</source>
        <translation>全卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="227" />
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="228" />
        <source>Stamped (证明印记)</source>
        <translation>加盖证明印记</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="229" />
        <source>Made in the requester's presence</source>
        <translation>申请人在场复制</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="232" />
        <source>Parts:</source>
        <translation>复制部分：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="233" />
        <source>Pages copied:</source>
        <translation>复制页数：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="234" />
        <source>Copies:</source>
        <translation>份数：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="235" />
        <source>Fee:</source>
        <translation>收费：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="241" />
        <source>Request for personal records</source>
        <translation>个人档案利用申请</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="252" />
        <source>Who asks:</source>
        <translation>申请人类别：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="253" />
        <source>Proofs shown:</source>
        <translation>已出示证明：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="123" />
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="281" />
        <source>&amp;Lend and print slip (Ctrl+Enter)</source>
        <translation>借出并打印借阅单(&amp;L) (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="126" />
        <source>&amp;Clear</source>
        <translation>清空(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="133" />
        <source>&amp;Borrower:</source>
        <translation>借阅人(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="137" />
        <source>&amp;Volume:</source>
        <translation>案卷(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="141" />
        <source>P&amp;urpose:</source>
        <translation>借阅目的(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="142" />
        <source>U&amp;se:</source>
        <translation>利用方式(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="144" />
        <source>&amp;Due date:</source>
        <translation>应还日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="145" />
        <source>Cler&amp;k:</source>
        <translation>经办人(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="146" />
        <source>No&amp;tes:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="274" />
        <source>Consultation in the reading room: the original stays in the room, no due date.</source>
        <translation>查阅：在阅览室内查阅，原件不出室，无应还日期。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="275" />
        <source>Copy made now, in the requester's presence: the original stays in stock.</source>
        <translation>复制：当场在申请人面前复制，原件仍在库。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="276" />
        <source>Loan: the volumes leave the room until the due date.</source>
        <translation>借出：案卷带出档案室，须按应还日期归还。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="279" />
        <source>Record consultation and print slip (Ctrl+Enter)</source>
        <translation>登记查阅并打印查阅单 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="280" />
        <source>Record copy and print slip (Ctrl+Enter)</source>
        <translation>登记复制并打印复制单 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="318" />
        <source>ID %1</source>
        <translation>证件 %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="320" />
        <source>card %1</source>
        <translation>借阅证 %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="323" />
        <source>(deactivated: cannot borrow)</source>
        <translation>（已停用，不能借阅）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="347" />
        <source>No borrower matches “%1”.</source>
        <translation>没有与“%1”相符的借阅人。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="366" />
        <source>No volume has the code %1.</source>
        <translation>没有档号或条码为 %1 的案卷。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="371" />
        <source>%1 is already in the list.</source>
        <translation>%1 已在列表中。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="387" />
        <source>Added %1.</source>
        <translation>已加入 %1。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="426" />
        <source>Needed for: %1</source>
        <translation>审批原因：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="444" />
        <source>the name on the approval form</source>
        <translation>审批单上的审批人姓名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="450" />
        <source>Choose the borrower first: scan the card or type the name.</source>
        <translation>请先选择借阅人：扫描借阅证或输入姓名。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="455" />
        <source>Scan the volumes to lend.</source>
        <translation>请扫描要借出的案卷。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="470" />
        <source>No account may approve this loan (the approve right and clearance for %1 are needed): record the paper approval instead.</source>
        <translation>没有可以审批此次借阅的账户（需有审批权及%1涉密等级）：请改为登记纸质审批。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="472" />
        <source>these volumes</source>
        <translation>这些案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="501" />
        <source>Lent %1 volume(s) to %2 on slip %3.</source>
        <translation>已借给 %2 %1 卷，借阅单 %3。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/lend.py" line="504" />
        <source>%1 refused volume(s) were not lent.</source>
        <translation>另有 %1 卷不能借出，未借出。</translation>
    </message>
</context>
<context>
    <name>LendingArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="48" />
        <source>&amp;1 Lend</source>
        <translation>&amp;1 借出</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="49" />
        <source>&amp;2 Return</source>
        <translation>&amp;2 归还</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="50" />
        <source>&amp;3 Loans out</source>
        <translation>&amp;3 在借</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="51" />
        <source>&amp;4 Overdue</source>
        <translation>&amp;4 逾期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="52" />
        <source>&amp;5 Borrowers</source>
        <translation>&amp;5 借阅人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="53" />
        <source>&amp;6 Register</source>
        <translation>&amp;6 登记簿</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="69" />
        <source>Lending</source>
        <translation>借阅</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="106" />
        <source>Borrower: %1</source>
        <translation>借阅人：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="112" />
        <source>%1 is neither a volume nor a borrower's card.</source>
        <translation>%1 既不是案卷条码，也不是借阅证。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="149" />
        <source>%1 consultation(s) left open were closed at the day's end: %2</source>
        <translation>%1 笔未办结的查阅已于日终结束：%2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/badges.py" line="24" />
        <source>(%1 overdue)</source>
        <extracomment>badges are recounted this often (and after each change, by the area once it is built)</extracomment>
        <translation>逾期 %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/area.py" line="131" />
        <source>%1 loan(s) overdue</source>
        <translation>逾期未还 %1 笔</translation>
    </message>
</context>
<context>
    <name>LineDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="210" />
        <source>Line %1</source>
        <translation>第 %1 条</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="229" />
        <source>Arrived</source>
        <translation>已到</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="233" />
        <source>as listed</source>
        <translation>按清单</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="237" />
        <source>Archival code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="238" />
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="239" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="240" />
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="241" />
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="242" />
        <source>Pages listed</source>
        <translation>清单页数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="244" />
        <source>Pages counted</source>
        <translation>清点页数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="245" />
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="247" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/transfers.py" line="248" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="99" />
        <source>Result</source>
        <extracomment>background of each class (rows, chips, the last-scan banner)</extracomment>
        <translation>盘点结果</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="101" />
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="37" />
        <source>Archival code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="102" />
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="38" />
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="103" />
        <source>Found on</source>
        <translation>发现位置</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="104" />
        <source>Belongs on</source>
        <translation>应在位置</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="105" />
        <source>Catalogue status</source>
        <translation>目录状态</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="106" />
        <source>Scanned at</source>
        <translation>扫描时间</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="107" />
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="36" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="39" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="40" />
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="41" />
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="42" />
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="43" />
        <source>Pages counted</source>
        <translation>清点页数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="44" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="110" />
        <source>taken off</source>
        <translation>已移出清单</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="111" />
        <source>handed over</source>
        <translation>已移交</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="111" />
        <source>to hand over</source>
        <translation>待移交</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="114" />
        <source>not arrived yet</source>
        <translation>未到</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="115" />
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="116" />
        <source>arrived</source>
        <translation>已到</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="117" />
        <source>not on the list</source>
        <translation>清单外</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="118" />
        <source>sent back</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/line_models.py" line="121" />
        <source>, pages differ</source>
        <translation>，页数不符</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="64" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="64" />
        <source>The window is locked</source>
        <translation>窗口已锁定</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="69" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="70" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="72" />
        <source>The window was locked after a time without use. Enter your password to go on.</source>
        <translation>窗口闲置过久已锁定。请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/login.py" line="75" />
        <source>This catalogue is open read-only: your password is checked, but logins and wrong passwords cannot be recorded in its trail.</source>
        <translation>此目录库以只读方式打开：密码照常核对，但登录和密码错误无法记入审计日志。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="70" />
        <source>ArchiveDesk — %1</source>
        <extracomment>badges of areas not built yet are counted this long after the window shows (its first paint first) Ctrl+1 … Ctrl+8 show the areas in navigation order the navigation never takes more than this (pixels); it is otherwise as wide as its longest entry the window's first size (logical pixels), made smaller on a smaller screen opens another catalogue for 文件 → 打开目录库 (``app.build_context``: the composition root hands it in, so that ui/ never imports the app module that imports it); None: the window cannot switch catalogues</extracomment>
        <translation>档案室桌面管理 — %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="113" />
        <source>&amp;Refresh</source>
        <extracomment>the areas built so far (the first one with the window, the others on first show) listed, not built yet: area id -&gt; (module, placeholder in the stack)</extracomment>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="143" />
        <source>Catalogue</source>
        <translation>案卷目录</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="144" />
        <source>Shelves</source>
        <translation>排架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="145" />
        <source>Labels</source>
        <translation>标签打印</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="146" />
        <source>Lending</source>
        <translation>借阅</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="147" />
        <source>Transfers</source>
        <translation>移交与鉴定</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="148" />
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="149" />
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="150" />
        <source>Setup</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="151" />
        <source>Audit</source>
        <translation>安全审计</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="172" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="173" />
        <source>&amp;Open catalogue…</source>
        <translation>打开目录库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="182" />
        <source>&amp;Import a register…</source>
        <translation>导入登记表(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="194" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="202" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="210" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="222" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="223" />
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="226" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="235" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="236" />
        <source>&amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="243" />
        <source>&amp;About ArchiveDesk</source>
        <translation>关于档案室桌面管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="276" />
        <source>The language changes when ArchiveDesk is started again.</source>
        <translation>界面语言将在下次启动档案室桌面管理时生效。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="286" />
        <source>About ArchiveDesk</source>
        <translation>关于档案室桌面管理</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="287" />
        <source>ArchiveDesk %1: catalogue, shelves, labels, lending and transfers for one archive room.</source>
        <translation>档案室桌面管理 %1：一个档案室的案卷目录、库房排架、标签、借阅与移交。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="460" />
        <source>Scanned %1: not a known code</source>
        <translation>扫描到 %1：没有这个档号或条码</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="328" />
        <source>Check the columns</source>
        <translation>核对各列</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="329" />
        <source>The header row was found and the columns matched from their headers; correct any that are wrong.</source>
        <translation>已找到表头行，并按表头自动对应了各列；如有不对请更正。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="330" />
        <source>Set the header row, then choose what each column is imported as.</source>
        <translation>请指定表头所在行，再为各列选择导入为哪一项。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="337" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="337" />
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="337" />
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="353" />
        <source>Save this mapping…</source>
        <extracomment>the sheets imported together, when the clerk chose every sheet why the columns could not be found (the service's message), until the clerk has mapped them</extracomment>
        <translation>保存列对应关系…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="356" />
        <source>Header row</source>
        <translation>表头所在行</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="399" />
        <source>No sheet of this file has a header row with the usual columns (档号, 题名 …); choose one sheet and set its header row by hand.</source>
        <translation>此文件中没有一张工作表含有常用列（档号、题名……）的表头行；请选择一张工作表并手工指定表头行。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="405" />
        <source>Sheet %1 has other columns than sheet %2: import the sheets one at a time.</source>
        <translation>工作表“%1”的列与工作表“%2”不同：请逐张导入。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="410" />
        <source>Importing %1 sheets with the same columns: %2. The columns are checked on sheet %3.</source>
        <translation>将一次导入 %1 张列相同的工作表：%2。以下按工作表“%3”核对各列。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="416" />
        <source>Sheet %1 is the volumes' item list (卷内目录): its items are imported after the volumes, in the same import.</source>
        <translation>工作表“%1”是这些案卷的卷内目录：其中的文件在案卷之后一并导入。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="447" />
        <source>A heading of two rows: %1–%2; data starts on row %3</source>
        <translation>表头占两行：第 %1–%2 行；数据从第 %3 行开始</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="455" />
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="476" />
        <source>Still needed: %1</source>
        <translation>还需要对应：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="487" />
        <source>Save this mapping</source>
        <translation>保存列对应关系</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="487" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
</context>
<context>
    <name>NewTemplateDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="617" />
        <source>New label template</source>
        <translation>新建标签模板</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="619" />
        <source>my-label</source>
        <translation>我的标签</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="632" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="641" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="642" />
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="643" />
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="644" />
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="646" />
        <source>Fields</source>
        <translation>字段</translation>
    </message>
</context>
<context>
    <name>OpenCatalogueDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="45" />
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="135" />
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="205" />
        <source>Open a catalogue</source>
        <translation>打开目录库</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="47" />
        <source>A catalogue file on this PC</source>
        <translation>本机上的目录库文件</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="49" />
        <source>The room's server</source>
        <translation>档案室的服务器</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="57" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="69" />
        <source>the server PC's name or address</source>
        <translation>服务器电脑的名称或地址</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="81" />
        <source>Remember the password on this PC (in the system's credential store)</source>
        <translation>在本机记住密码（保存在系统的凭据管理器中）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="85" />
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="86" />
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="87" />
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="88" />
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="89" />
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="97" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="98" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="136" />
        <source>Catalogues (*.sqlite *.db);;All files (*)</source>
        <translation>目录库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="152" />
        <source>Choose the catalogue file.</source>
        <translation>请选择目录库文件。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="155" />
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="156" />
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="157" />
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="159" />
        <source>Fill in: %1</source>
        <translation>请填写：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_catalogue.py" line="203" />
        <source>The catalogue could not be opened:
%1</source>
        <translation>无法打开目录库：
%1</translation>
    </message>
</context>
<context>
    <name>OpenFailedDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="34" />
        <source>ArchiveDesk: the catalogue cannot be opened</source>
        <translation>档案室桌面管理：无法打开目录库</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="47" />
        <source>The newest verified backup, %1, can be opened read-only to look things up.</source>
        <translation>可以以只读方式打开最新的已校验备份 %1 来查阅。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="53" />
        <source>Open another catalogue…</source>
        <translation>打开其他目录库…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="58" />
        <source>Open the backup (read-only)</source>
        <translation>打开备份（只读）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="61" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="69" />
        <source>Open a catalogue</source>
        <translation>打开目录库</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="70" />
        <source>Catalogues (*.sqlite *.db);;All files (*)</source>
        <translation>目录库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="87" />
        <source>Read-only: saving is off</source>
        <translation>只读：保存已关闭</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="90" />
        <source>This catalogue is on read-only media or in a folder that cannot be written. Search, printing and export work; changes cannot be saved.</source>
        <translation>此目录库位于只读介质或不可写入的文件夹中。检索、打印和导出可以使用；修改无法保存。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/open_failed.py" line="94" />
        <source>[read-only]</source>
        <translation>［只读］</translation>
    </message>
</context>
<context>
    <name>OpenLoansPanel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="42" />
        <source>Filter by slip no., borrower, unit or archival code</source>
        <translation>按借阅单号、借阅人、单位或档号筛选</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="46" />
        <source>Slip</source>
        <translation>借阅单号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="46" />
        <source>Borrower</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="46" />
        <source>Unit / department</source>
        <translation>单位/部门</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="46" />
        <source>Lent</source>
        <translation>借阅日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="47" />
        <source>Due</source>
        <translation>应还日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="47" />
        <source>Volumes out</source>
        <translation>未还案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="47" />
        <source>Renewals</source>
        <translation>续借次数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="47" />
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="56" />
        <source>Archival code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="56" />
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="56" />
        <source>Security</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="56" />
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="59" />
        <source>&amp;Renew…</source>
        <translation>续借(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="63" />
        <source>&amp;Print slip…</source>
        <translation>打印借阅单(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="108" />
        <source>Choose a slip to see the volumes out on it.</source>
        <translation>选中一张借阅单，查看其在借的案卷。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="110" />
        <source>Volumes out on slip %1 (%2):</source>
        <translation>借阅单 %1（%2）在借的案卷：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="134" />
        <source>Choose the loan to renew.</source>
        <translation>请选择要续借的借阅。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="137" />
        <source>Only a loan has a due date to extend.</source>
        <translation>只有借出才有应还日期可续借。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="160" />
        <source>Slip %1 renewed to %2 (renewal no. %3).</source>
        <translation>借阅单 %1 已续借至 %2（第 %3 次续借）。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/open_loans.py" line="169" />
        <source>Choose the loan whose slip to print.</source>
        <translation>请选择要打印借阅单的借阅。</translation>
    </message>
</context>
<context>
    <name>OverduePanel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="33" />
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="33" />
        <source>Slip</source>
        <translation>借阅单号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="33" />
        <source>Borrower</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="33" />
        <source>Unit / department</source>
        <translation>单位/部门</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="34" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="34" />
        <source>Due</source>
        <translation>应还日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="34" />
        <source>Renewals</source>
        <translation>续借次数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="34" />
        <source>Volumes out</source>
        <translation>未还案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="38" />
        <source>Print reminders for &amp;selected borrowers…</source>
        <translation>为所选借阅人打印催还单(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="40" />
        <source>Print reminders for &amp;all…</source>
        <translation>全部打印催还单(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="64" />
        <source>%1 overdue loan(s), %2 borrower(s)</source>
        <translation>逾期 %1 笔，涉及 %2 人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="72" />
        <source>Select the borrowers to remind.</source>
        <translation>请选择要催还的借阅人。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="77" />
        <source>No loan is overdue.</source>
        <translation>没有逾期未还的借阅。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/overdue.py" line="85" />
        <source>Reminders to return archives</source>
        <translation>档案催还通知单</translation>
    </message>
</context>
<context>
    <name>ParticularsPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/particulars.py" line="36" />
        <source>Preview a loan slip with these particulars…</source>
        <translation>用以上信息预览借阅单…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/particulars.py" line="40" />
        <source>How the header of a form will look:</source>
        <translation>表单表头预览：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/particulars.py" line="58" />
        <source>(no name yet)</source>
        <translation>（尚未填写名称）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/particulars.py" line="75" />
        <source>Sample loan slip</source>
        <translation>示例借阅单</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="340" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="366" />
        <source>%n page(s)</source>
        <translation><numerusform>共 %n 页</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="337" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="336" />
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
</context>
<context>
    <name>PdfPrint</name>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="96" />
        <source>The document could not be prepared for printing.</source>
        <translation>无法准备打印该文档。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="177" />
        <source>landscape</source>
        <extracomment>pixels one rasterised page may have: 9 M is an A4 page at 300 dpi (8.7 MB in 8-bit grey, 35 MB if the driver turns it into 32-bit colour, as Qt's Windows engine does for images); 600 dpi would be 35 / 139 MB pages that carry fine barcodes (labels) may have 4× as many: an A4 label sheet at 600 dpi text and rules are sharp at 300 dpi; finer only helps barcodes</extracomment>
        <translation>横向</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="178" />
        <source>portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="193" />
        <source>The printer %1 did not take the paper %2; it prints on %3. Check the paper set in the printer's properties (a custom paper size may have to be added there) and print again if the pages come out wrong.</source>
        <translation>打印机 %1 未接受纸张 %2，将打印在 %3 上。请检查打印机属性中设置的纸张（自定义纸张尺寸可能需要先在那里添加）；如打印结果不对，请重新打印。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="234" />
        <source>The printer %1 cannot be opened.</source>
        <translation>无法打开打印机 %1。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="294" />
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="400" />
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="308" />
        <location filename="../../src/archive_desk/ui/pdf_print.py" line="410" />
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../../src/archive_desk/ui/permissions.py" line="46" />
        <source>Your role (%1) may not do this.</source>
        <translation>您的角色（%1）无权执行此操作。</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="132" />
        <source>OK</source>
        <extracomment>a volume's column -&gt; the import field that names it, for labels the first of the sheet's own columns rows already catalogued: what an update would change (importer.pending_updates)</extracomment>
        <translation>可导入</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="132" />
        <source>Error</source>
        <translation>有错误</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="132" />
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="133" />
        <source>Already catalogued</source>
        <translation>已在目录中</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="133" />
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="136" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="138" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="139" />
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="193" />
        <source>Repeats sheet %1, row %2</source>
        <translation>与工作表“%1”第 %2 行重复</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="194" />
        <source>Repeats row %1</source>
        <translation>与第 %1 行重复</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="202" />
        <source>Same as the catalogue</source>
        <translation>与目录一致</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="205" />
        <source>Category fields</source>
        <translation>门类专有字段</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="212" />
        <source>An update changes %1</source>
        <translation>更新将改动 %1</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="501" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="502" />
        <source>Every row of the file with what will happen to it. Nothing has been written yet.</source>
        <translation>文件中的每一行及其处理结果。此时尚未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="504" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="509" />
        <source>Stop checking</source>
        <translation>停止检查</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="512" />
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="516" />
        <source>Only rows with problems or changes</source>
        <translation>只看有问题或有改动的行</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="522" />
        <source>Update volumes that are already catalogued</source>
        <translation>更新目录中已有的案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="524" />
        <source>Create fonds that are not in the catalogue yet</source>
        <translation>目录中没有的全宗自动新建</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="542" />
        <source>Import without locations (kept in the notes)</source>
        <extracomment>the fonds the rows belong to that the catalogue does not hold: created, or their rows refused rows already catalogued -&gt; what an update from them would change a name for each fonds the import creates (from the file's 全宗名称 where it gives one) rows refused only for a place the shelving lacks: imported unshelved, the place in their notes</extracomment>
        <translation>不导入存放位置（记入备注）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="546" />
        <source>Save the problems as a workbook…</source>
        <translation>将问题保存为工作簿…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="589" />
        <source>Reading and checking every row…</source>
        <translation>正在读取并检查每一行…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="636" />
        <source>e.g. the name of the organisation whose records these are</source>
        <translation>如：形成这些档案的单位名称</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="637" />
        <source>Name of the new fonds %1:</source>
        <translation>新建全宗 %1 的名称：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="648" />
        <source>New fonds will be created: %1.</source>
        <translation>将新建全宗：%1。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="651" />
        <source>The catalogue holds no fonds %1: their rows will not be imported. Tick “Create fonds that are not in the catalogue yet”, or add the fonds first.</source>
        <translation>目录中没有全宗 %1：这些行不会导入。请勾选“目录中没有的全宗自动新建”，或先建立全宗。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="684" />
        <source>%1 rows read = %2 to import + %3 with errors + %4 duplicates + %5 already catalogued + %6 skipped (%7 blank, %8 total lines, %9 signature lines)</source>
        <translation>共读取 %1 行 = 可导入 %2 + 有错误 %3 + 重复 %4 + 已在目录中 %5 + 跳过 %6（空行 %7、合计行 %8、签字行 %9）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="694" />
        <source>Imported without locations: the locations of %1 volumes go into their notes as text, to be shelved later.</source>
        <translation>不导入存放位置：%1 卷的存放位置将以文字记入备注（原存放位置：…），待以后再上架。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="698" />
        <source>No shelving is set up yet: the locations of %1 volumes go into their notes as text, to be shelved later.</source>
        <translation>尚未设置库房排架：%1 卷的存放位置将以文字记入备注（原存放位置：…），待排架后再上架。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="704" />
        <source>Item list (%1): %2 rows read = %3 to import + %4 with errors + %5 duplicates + %6 already catalogued + %7 skipped</source>
        <translation>卷内目录（%1）：共读取 %2 行 = 可导入 %3 + 有错误 %4 + 重复 %5 + 已在目录中 %6 + 跳过 %7</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="712" />
        <source>%1 rows are refused only because their location is not in the shelving: tick “Import without locations (kept in the notes)” to import them unshelved, the location kept in their notes.</source>
        <translation>有 %1 行仅因存放位置在库房中不存在而不能导入：勾选“不导入存放位置（记入备注）”即可导入这些行（不上架，存放位置记入备注）。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="716" />
        <source>Of the %1 rows already catalogued, %2 differ from the catalogue (the Problems column says how); tick “Update volumes that are already catalogued” to write the file's values.</source>
        <translation>已在目录中的 %1 行里，有 %2 行与目录不同（见“问题”列）；勾选“更新目录中已有的案卷”即按文件更新。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="726" />
        <source>The check was stopped before the end; nothing has been imported. Check again to see every row.</source>
        <translation>检查已停止，未检查完所有行；未导入任何数据。点“重新检查”可查看每一行。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/import_wizard.py" line="548" />
        <source>Save the problems as a workbook</source>
        <translation>将问题保存为工作簿</translation>
    </message>
</context>
<context>
    <name>ProposalsModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="88" />
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="89" />
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="90" />
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="91" />
        <source>Holds</source>
        <translation>可放卷数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="92" />
        <source>Distance</source>
        <translation>距离（层）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="93" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/i18n.py" line="16" />
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/i18n.py" line="17" />
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RackDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="120" />
        <source>New rack</source>
        <translation>新建密集架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="134" />
        <source>Compact mobile rack</source>
        <translation>密集架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="135" />
        <source>Cabinet</source>
        <translation>档案柜</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="137" />
        <source>Double-sided (A and B)</source>
        <translation>双面（A、B 面）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="138" />
        <source>Single-sided</source>
        <translation>单面</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="145" />
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="151" />
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="154" />
        <source>Room</source>
        <translation>库房</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="155" />
        <source>Rack number</source>
        <translation>密集架编号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="156" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="157" />
        <source>Sides</source>
        <translation>面数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="158" />
        <source>Columns</source>
        <translation>列数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="159" />
        <source>Sections per column</source>
        <translation>每列节数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="160" />
        <source>Layers per section</source>
        <translation>每节层数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="161" />
        <source>Capacity of a layer (volumes)</source>
        <translation>每层容量（卷）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="162" />
        <source>Width of a layer</source>
        <translation>每层宽度</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="170" />
        <source>Codes that will be created</source>
        <translation>将要生成的位置代码</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="176" />
        <source>Create rack</source>
        <translation>创建密集架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="215" />
        <source>Create a room first.</source>
        <translation>请先新建库房。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="231" />
        <source>%1 layers, from %2 to %3</source>
        <translation>共 %1 层，从 %2 到 %3</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="236" />
        <source>… and %1 more, to %2</source>
        <translation>… 另有 %1 个，直到 %2</translation>
    </message>
</context>
<context>
    <name>RackMapView</name>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="220" />
        <source>Choose a rack</source>
        <translation>请选择密集架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="250" />
        <source>cabinet</source>
        <translation>档案柜</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="250" />
        <source>rack</source>
        <translation>密集架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="256" />
        <source>Room %1 · %2 %3 · side %4</source>
        <translation>%1号库房 · %3号%2 · %4面</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="259" />
        <source>Room %1 · %2 %3</source>
        <translation>%1号库房 · %3号%2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="267" />
        <source>Section %1</source>
        <translation>第%1节</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="276" />
        <source>Column %1</source>
        <translation>第%1列</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="320" />
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="321" />
        <source>in use</source>
        <translation>已用</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="322" />
        <source>nearly full (85%+)</source>
        <translation>将满（85% 以上）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="323" />
        <source>over capacity</source>
        <translation>超出容量</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="324" />
        <source>reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="325" />
        <source>out of use</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="377" />
        <source>Reserved for %1</source>
        <translation>预留给“%1”</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="379" />
        <source>Out of use</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/reason.py" line="18" />
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/reason.py" line="21" />
        <source>OK</source>
        <translation>可导入</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/reason.py" line="22" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="50" />
        <source>Slip</source>
        <translation>借阅单号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="51" />
        <source>Lent</source>
        <translation>借阅日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="52" />
        <source>Borrower</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="53" />
        <source>Unit / department</source>
        <translation>单位/部门</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="54" />
        <source>Archival code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="55" />
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="56" />
        <source>Security</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="57" />
        <source>Purpose</source>
        <translation>借阅目的</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="58" />
        <source>Use</source>
        <translation>利用方式</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="59" />
        <source>Due</source>
        <translation>应还日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="60" />
        <source>Returned on</source>
        <translation>归还日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="61" />
        <source>Condition</source>
        <translation>完好情况</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="62" />
        <source>Outcome of use</source>
        <translation>利用效果</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="63" />
        <source>Approver</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="64" />
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>RegisterPanel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="84" />
        <source>F&amp;rom</source>
        <translation>从(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="86" />
        <source>T&amp;o</source>
        <translation>至(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="93" />
        <source>Borrower or unit</source>
        <translation>借阅人或单位</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="95" />
        <source>Archival code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="98" />
        <source>All purposes</source>
        <translation>全部目的</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="102" />
        <source>All uses</source>
        <translation>全部方式</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="106" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="106" />
        <source>Still out</source>
        <translation>未还</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="106" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="106" />
        <source>Back</source>
        <translation>已还</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="108" />
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="110" />
        <source>E&amp;xport to Excel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="169" />
        <source>Showing the newest %1 of %2 lines; export writes all of them.</source>
        <translation>显示最新的 %1 条（共 %2 条）；导出时写出全部。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="172" />
        <source>%n line(s)</source>
        <translation><numerusform>共 %n 条</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="175" />
        <source>Export the loan register</source>
        <translation>导出借阅登记簿</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="176" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/register.py" line="189" />
        <source>%1 line(s) written to %2.</source>
        <translation>已将 %1 条写入 %2。</translation>
    </message>
</context>
<context>
    <name>RegistersPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="35" />
        <source>Transfer and receiving register</source>
        <translation>档案移交（接收）登记簿</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="36" />
        <source>Destruction register</source>
        <translation>档案销毁登记簿</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="38" />
        <source>Received and handed over</source>
        <translation>接收与移出</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="39" />
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="40" />
        <source>Handed over</source>
        <translation>移出</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="43" />
        <source>all years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="46" />
        <source>unit, person, number, code or title</source>
        <translation>单位、人员、编号、档号或题名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="47" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="48" />
        <source>Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="92" />
        <source>%n row(s)</source>
        <translation><numerusform>%n 行</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="98" />
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="98" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/registers_page.py" line="106" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="139" />
        <source>Renew %1</source>
        <translation>续借 %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="148" />
        <source>Due now:</source>
        <translation>原应还日期：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="149" />
        <source>&amp;New due date:</source>
        <translation>新应还日期(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="150" />
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>ReportsArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="59" />
        <source>Yearly inventory workbook (for the annual report 档案室基本情况年报)</source>
        <translation>年度室藏统计工作簿（用于档案室基本情况年报）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="67" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="71" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="75" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="76" />
        <source>Summary (holdings by fonds, category and retention in volumes, items, pages and boxes; the year's changes; use; stocktakes), the annual report layout, the holdings register and the volumes received, transferred out and destroyed, the year's loans, and a chart.</source>
        <translation>包括：汇总（按全宗、门类、保管期限统计的卷、件、页、盒；本年增减；利用情况；盘点情况）、年报表式、案卷目录、本年接收、移出和销毁的案卷、本年借阅登记，以及门类统计图。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="82" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="85" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="97" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="109" />
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="115" />
        <source>Yearly inventory %1.xlsx</source>
        <translation>%1年度室藏统计.xlsx</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="126" />
        <source>Save the yearly inventory</source>
        <translation>保存年度室藏统计</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="127" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="160" />
        <source>Writing the %1 inventory…</source>
        <translation>正在写入 %1 年度室藏统计…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="169" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/reports.py" line="187" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="240" />
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="381" />
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="250" />
        <source>Backed up at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="250" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="250" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="250" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="251" />
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="251" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="258" />
        <source>Other file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="261" />
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="263" />
        <source>Restore drill</source>
        <translation>恢复演练</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="265" />
        <source>Restore to a scratch folder and compare; the catalogue in use is not switched</source>
        <translation>恢复到临时文件夹并比对；不切换正在使用的目录库</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="266" />
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="268" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="276" />
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="311" />
        <source>verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="311" />
        <source>FAILED</source>
        <translation>校验失败</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="326" />
        <source>Choose a backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="327" />
        <source>Catalogue backups (*.sqlite)</source>
        <translation>目录库备份 (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="365" />
        <source>Verifying %1…</source>
        <translation>正在校验 %1…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="372" />
        <source>Restore drill of %1…</source>
        <translation>正在对 %1 进行恢复演练…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="382" />
        <source>Replace the catalogue in use by the backup %1?

The backup is verified and checked first; the catalogue in use is kept as a safety copy beside it. Changes made since the backup are then only in the safety copy. Other workstations must close the catalogue first.</source>
        <translation>用备份 %1 替换正在使用的目录库？

恢复前会先校验并检查备份；正在使用的目录库将作为安全副本保留在其旁边。备份之后所做的修改届时只保存在安全副本中。其他工作站须先关闭该目录库。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="400" />
        <source>Restoring %1…</source>
        <translation>正在恢复 %1…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="437" />
        <source>Verified: the backup is good (integrity, audit trail, %1 tables counted and digested).</source>
        <translation>校验通过：备份可用（完整性、审计链，%1 张表的行数与摘要）。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="438" />
        <source>The backup FAILED verification:</source>
        <translation>备份校验失败：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="442" />
        <source>Restore drill FAILED:</source>
        <translation>恢复演练失败：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="443" />
        <source>Restore drill passed: the backup was restored to a scratch folder and %1 tables are equal to it. Nothing was switched.</source>
        <translation>恢复演练通过：备份已恢复到临时文件夹，%1 张表与备份一致。未切换目录库。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="446" />
        <source>Rows since the backup (backup → now):</source>
        <translation>备份以来的行数变化（备份 → 现在）：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="450" />
        <source>Restored and checked: %1 tables equal to the backup. The catalogue in use is now the restored one.</source>
        <translation>已恢复并检查：%1 张表与备份一致。现在使用的是恢复后的目录库。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/backup.py" line="453" />
        <source>The catalogue that was in use is kept as %1</source>
        <translation>原先使用的目录库已保留为安全副本 %1</translation>
    </message>
</context>
<context>
    <name>ReturnPanel</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="48" />
        <source>Scan each volume coming back</source>
        <translation>逐卷扫描归还的案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="52" />
        <source>Archival code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="52" />
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="52" />
        <source>Slip</source>
        <translation>借阅单号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="52" />
        <source>Borrower</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="53" />
        <source>Due</source>
        <translation>应还日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="53" />
        <source>Pages lent</source>
        <translation>借出页数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="53" />
        <source>Pages counted</source>
        <translation>清点页数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="53" />
        <source>Condition</source>
        <translation>完好情况</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="54" />
        <source>Damage</source>
        <translation>破损情况</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="54" />
        <source>Outcome of use</source>
        <translation>利用效果</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="54" />
        <source>Outcome, in words</source>
        <translation>利用效果说明</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="60" />
        <source>&amp;Take back (Ctrl+Enter)</source>
        <translation>确认归还(&amp;T) (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="63" />
        <source>&amp;Remove from list</source>
        <translation>从列表移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="70" />
        <source>&amp;Volume:</source>
        <translation>案卷(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="75" />
        <source>Received b&amp;y:</source>
        <translation>签收人(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="91" />
        <source>%1 is already in the list.</source>
        <translation>%1 已在列表中。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="106" />
        <source>if damaged: what</source>
        <translation>如破损：说明</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="113" />
        <source>what the use achieved</source>
        <translation>利用效果</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="119" />
        <source>%1 from slip %2: count the pages (%3 lent) and check the condition.</source>
        <translation>%1（借阅单 %2）：请清点页数（借出 %3 页）并检查完好情况。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="154" />
        <source>Scan the volumes coming back.</source>
        <translation>请扫描归还的案卷。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="165" />
        <source>%1: %2 pages lent, %3 counted</source>
        <translation>%1：借出 %2 页，清点 %3 页</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="168" />
        <source>Page count differs</source>
        <translation>页数不符</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="169" />
        <source>The pages counted differ from the pages lent:

%1

Record the return with this difference?</source>
        <translation>清点页数与借出页数不符：

%1

确认按此差异登记归还吗？</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="172" />
        <source>Nothing was recorded: recount the pages.</source>
        <translation>未登记归还：请重新清点页数。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="187" />
        <source>Took back %1 volume(s).</source>
        <translation>已归还 %1 卷。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="189" />
        <source>Slip(s) %1 fully returned.</source>
        <translation>借阅单 %1 已全部归还。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/lending/returns.py" line="192" />
        <source>Still out: %1.</source>
        <translation>仍未还：%1。</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="75" />
        <source>New room</source>
        <translation>新建库房</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="84" />
        <source>e.g. %1</source>
        <translation>如 %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="87" />
        <source>Room number</source>
        <translation>库房编号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="88" />
        <source>Code (in location codes)</source>
        <translation>代码（用于位置代码）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="89" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>RoomKeyDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="39" />
        <source>Room key</source>
        <extracomment>the key was stored: saving works again</extracomment>
        <translation>室密钥</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="45" />
        <source>64 hexadecimal digits from the recovery sheet, in groups of 4</source>
        <translation>密钥恢复单上的 64 位十六进制数字，每 4 位一组</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="46" />
        <source>&amp;Store the key on this PC</source>
        <translation>将密钥保存到本机(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="49" />
        <source>&amp;Print the recovery sheet…</source>
        <translation>打印密钥恢复单(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="66" />
        <source>This catalogue is not sealed yet: it gets its room key with its first change.</source>
        <translation>此目录库尚未加封：第一次修改时生成其室密钥。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="68" />
        <source>This PC holds the room key of this catalogue (fingerprint %1). Print the recovery sheet and keep it with the room's keys: a new PC needs it.</source>
        <translation>本机持有此目录库的室密钥（指纹 %1）。请打印密钥恢复单，与档案室的钥匙一同保管：换新电脑时需要它。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="71" />
        <source>This catalogue is sealed with a room key that this PC does not hold (fingerprint %1), so nothing can be saved here. Type the key from the catalogue's recovery sheet.</source>
        <translation>此目录库以室密钥加封，而本机没有该密钥（指纹 %1），因此在本机不能保存任何修改。请输入此目录库密钥恢复单上的密钥。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="91" />
        <source>Print the recovery sheet</source>
        <translation>打印密钥恢复单</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="91" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/room_key.py" line="113" />
        <source>Room &amp;key…</source>
        <translation>室密钥(&amp;K)…</translation>
    </message>
</context>
<context>
    <name>RoomMapView</name>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="546" />
        <source>No racks in this room yet</source>
        <translation>本库房还没有密集架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="537" />
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="563" />
        <source>Cabinet %1</source>
        <translation>%1号档案柜</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="494" />
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="495" />
        <source>in use</source>
        <translation>已用</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="496" />
        <source>nearly full (85%+)</source>
        <translation>将满（85% 以上）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="497" />
        <source>over capacity</source>
        <translation>超出容量</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="501" />
        <source>% = volumes on the rack against the places its layers have (shelf width where no places are set)</source>
        <translation>百分比 = 架上案卷数 ÷ 各层可放卷数（未设卷数的层按已用层宽计）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="537" />
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="563" />
        <source>Rack %1</source>
        <translation>%1号密集架</translation>
    </message>
</context>
<context>
    <name>RoomTotalsModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="57" />
        <source>Room</source>
        <translation>库房</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="57" />
        <source>Racks</source>
        <translation>密集架数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="57" />
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="57" />
        <source>Capacity</source>
        <translation>容量（卷）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="57" />
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="58" />
        <source>Free</source>
        <translation>空余</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="58" />
        <source>Fill</source>
        <translation>占用率</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="58" />
        <source>Shelf length (m)</source>
        <translation>架长（米）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="58" />
        <source>Reserved layers</source>
        <translation>预留层数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="71" />
        <source>All rooms</source>
        <translation>全部库房</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="96" />
        <source>Connect to a server catalogue</source>
        <translation>连接服务器目录库</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="99" />
        <source>e.g. 192.168.1.20 or archive-server</source>
        <translation>例如 192.168.1.20 或 archive-server</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="108" />
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="109" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="110" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="111" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="112" />
        <source>ArchiveDesk opens again on the server's catalogue; this window stays on this one.</source>
        <translation>ArchiveDesk 将在新窗口中打开服务器上的目录库；本窗口仍使用当前目录库。</translation>
    </message>
</context>
<context>
    <name>SettingEditor</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="70" />
        <source>One a line</source>
        <translation>每行一项</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="88" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="88" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="88" />
        <source>2D imagers (Code 128 and Data Matrix)</source>
        <translation>二维影像扫码枪（Code 128 和 Data Matrix）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="89" />
        <source>1D laser scanners (Code 128 only)</source>
        <translation>一维激光扫码枪（仅 Code 128）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="105" />
        <source>no approval by security level</source>
        <translation>不按密级审批</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="107" />
        <source>%1 and above</source>
        <translation>%1及以上</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="108" />
        <source>Borrowers from outside the organisation need approval</source>
        <translation>外单位借阅人须审批</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="110" />
        <source>Taking volumes out of the room needs approval</source>
        <translation>带出档案室须审批</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="114" />
        <source>the ways of use that take a volume away, e.g. 外借 (empty: the default)</source>
        <translation>需带出档案室的利用方式，例如 外借（留空为默认）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="115" />
        <source>Security level</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="118" />
        <source>Uses that take away</source>
        <translation>需带出的利用方式</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="186" />
        <source>Save</source>
        <extracomment>the values before the last save (only those it changed), for 撤销</extracomment>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="189" />
        <source>Undo the last change</source>
        <translation>撤销上一次修改</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="236" />
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/admin/settings_page.py" line="251" />
        <source>The last change was undone.</source>
        <translation>已撤销上一次修改。</translation>
    </message>
</context>
<context>
    <name>SharesModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="102" />
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="103" />
        <source>Volumes moved here</source>
        <translation>移入卷数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/shelf_models.py" line="104" />
        <source>Afterwards</source>
        <translation>移入后</translation>
    </message>
</context>
<context>
    <name>ShelfMap</name>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="389" />
        <source>%n layer(s)</source>
        <translation><numerusform>%n 层</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="391" />
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="408" />
        <source>Volumes: %1 of %2 places (%3)</source>
        <translation>案卷：%1 卷 / 可放 %2 卷（%3）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="394" />
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="411" />
        <source>Volumes: %1</source>
        <translation>案卷：%1 卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="396" />
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="413" />
        <source>Shelf width: %1 of %2 mm used (%3)</source>
        <translation>层宽：已用 %1 / %2 毫米（%3）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="399" />
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="417" />
        <source>No capacity set: fullness unknown</source>
        <translation>未设容量：无法计算占用率</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/shelf_map.py" line="419" />
        <source>Fullness shown: %1, the fuller of the two</source>
        <translation>显示的占用率：%1（取两者中较满的一项）</translation>
    </message>
</context>
<context>
    <name>ShelfRangeDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="579" />
        <source>Shelf range</source>
        <translation>架位范围</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="592" />
        <source>Room</source>
        <translation>库房</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="593" />
        <source>Rack</source>
        <translation>密集架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="601" />
        <source>(whole room)</source>
        <translation>（整个库房）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/labels.py" line="603" />
        <source>Rack %1</source>
        <translation>%1号密集架</translation>
    </message>
</context>
<context>
    <name>ShelvesArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="257" />
        <source>New room…</source>
        <translation>新建库房…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="258" />
        <source>New rack…</source>
        <translation>新建密集架…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="260" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="264" />
        <source>Move volumes…</source>
        <translation>移架…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="267" />
        <source>Find space…</source>
        <translation>查找空位…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="270" />
        <source>Shelf list of the room…</source>
        <translation>本库房排架清单…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="271" />
        <source>Shelf list of the rack…</source>
        <translation>本密集架排架清单…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="272" />
        <source>Shelf list of the layer…</source>
        <translation>本层排架清单…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="274" />
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="278" />
        <source>Room</source>
        <translation>库房</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="280" />
        <source>Rack</source>
        <translation>密集架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="244" />
        <source>Room overview</source>
        <translation>库房总览</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="245" />
        <source>Rack map</source>
        <translation>密集架图</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="139" />
        <source>Shelving by scan</source>
        <translation>扫描上架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="140" />
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="511" />
        <source>Scan a layer label to start</source>
        <translation>请先扫描层标签</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="160" />
        <source>Scan a layer label, then the volumes</source>
        <translation>扫描层标签，再逐一扫描案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="162" />
        <source>Undo last</source>
        <translation>撤销上一次</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="166" />
        <source>Stop</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="180" />
        <source>Click a layer on the map to list it</source>
        <translation>在图上点击某层，列出其中的案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="182" />
        <source>Shelve here</source>
        <translation>上架到此层</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="183" />
        <source>Make this layer the target of shelving by scan</source>
        <translation>将此层设为扫描上架的目标层</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="125" />
        <source>Undo last placement</source>
        <translation>撤销上一次上架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="131" />
        <source>Stop shelving</source>
        <translation>结束上架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="290" />
        <source>Shelves</source>
        <translation>排架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="340" />
        <source>Cabinet %1</source>
        <translation>%1号档案柜</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="340" />
        <source>Rack %1</source>
        <translation>%1号密集架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="378" />
        <source>%1 layers, %2 of %3 places used (%4)</source>
        <translation>共 %1 层，%3 个位置已用 %2 个（%4）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="427" />
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="491" />
        <source>Reserved for %1</source>
        <translation>预留给“%1”</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="429" />
        <source>Out of use</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="448" />
        <source>This volume is not shelved yet.</source>
        <translation>该案卷尚未上架。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="476" />
        <source>%1 stands here (scan a layer label first to shelve)</source>
        <translation>%1 存放在此（如要上架，请先扫描层标签）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="480" />
        <source>%1 is neither a layer label nor a volume of this catalogue.</source>
        <translation>%1 既不是层标签，也不是本目录中的案卷。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="487" />
        <source>Layer %1 is out of use; choose another layer.</source>
        <translation>层 %1 已停用，请选择其他层。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="506" />
        <source>Target %1: scan the volumes to shelve on it.</source>
        <translation>目标层 %1：请扫描要放在此层的案卷。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="548" />
        <source>%1 → %2, number %3 (%4)</source>
        <translation>%1 → %2，第 %3 卷（%4）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="551" />
        <source>(was on %1)</source>
        <translation>（原在 %1）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="588" />
        <source>not shelved</source>
        <translation>未上架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="589" />
        <source>Undone: %1 is back on %2</source>
        <translation>已撤销：%1 回到 %2</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="662" />
        <source>Moved %1 volumes onto %2 layers</source>
        <translation>已将 %1 卷移到 %2 个层</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="702" />
        <source>Choose a %1 first.</source>
        <translation>请先选择%1。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="702" />
        <source>room</source>
        <translation>库房</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="702" />
        <source>rack</source>
        <translation>密集架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="703" />
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="706" />
        <source>Export shelf list</source>
        <translation>导出排架清单</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="706" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="716" />
        <source>Writing %1 …</source>
        <translation>正在写入 %1 …</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/shelves.py" line="722" />
        <source>Wrote %1 volumes to %2</source>
        <translation>已将 %1 卷写入 %2</translation>
    </message>
</context>
<context>
    <name>SlipPrintDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="40" />
        <source>Loan slip %1</source>
        <translation>借阅单 %1</translation>
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
        <translation>一联</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="49" />
        <source>2 copies</source>
        <translation>两联</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="52" />
        <source>Pape&amp;r:</source>
        <translation>纸张(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/lending.py" line="54" />
        <source>C&amp;opies:</source>
        <translation>联数(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>SpaceFinderDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="419" />
        <source>Find space</source>
        <translation>查找空位</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="429" />
        <source>Any (30 mm a volume)</source>
        <translation>不限门类（每卷按 30 毫米）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="433" />
        <source>All rooms</source>
        <translation>全部库房</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="436" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="441" />
        <source>Volumes</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="443" />
        <source>of</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="455" />
        <source>Reserve for (e.g. the incoming transfer)</source>
        <translation>预留给（如：即将接收的移交批次）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="456" />
        <source>Reserve</source>
        <translation>预留</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="459" />
        <source>Show on map</source>
        <translation>在图上显示</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="468" />
        <source>Release</source>
        <translation>释放</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="472" />
        <source>Reservations</source>
        <translation>预留</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="505" />
        <source>Nearest to %1, where this category's shelving ends (%2 mm a volume)</source>
        <translation>从 %1（该门类现有排架的末尾）算起，由近及远（每卷 %2 毫米）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="508" />
        <source>Nearest to the start of the first room (%1 mm a volume)</source>
        <translation>从第一个库房的起始处算起（每卷 %1 毫米）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="513" />
        <source>No stretch of free layers holds that many volumes.</source>
        <translation>没有能放下这么多案卷的连续空层。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="522" />
        <source>Choose a proposal first.</source>
        <translation>请先选择一个方案。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="529" />
        <source>Reserved %1 layers (%2 … %3) for %4</source>
        <translation>已为“%4”预留 %1 层（%2 … %3）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/shelves.py" line="541" />
        <source>Released %1 layers reserved for %2</source>
        <translation>已释放为“%2”预留的 %1 层</translation>
    </message>
</context>
<context>
    <name>StocktakeArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="295" />
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="304" />
        <source>New stocktake</source>
        <translation>新建盘点</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="308" />
        <source>Stocktake %1</source>
        <translation>%1 盘点</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="309" />
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="329" />
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="344" />
        <source>Stocktake name</source>
        <translation>盘点名称</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="312" />
        <source>Rooms and racks</source>
        <translation>库房与密集架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="312" />
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="318" />
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="344" />
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="314" />
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="329" />
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="344" />
        <source>Scope</source>
        <translation>盘点范围</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="317" />
        <source>single layers: location codes, separated by spaces or commas</source>
        <translation>单独的层：输入位置编码，以空格或逗号分隔</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="319" />
        <source>Start the stocktake</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="325" />
        <source>Open stocktakes (resume where you stopped)</source>
        <translation>未结束的盘点（从中断处继续）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="329" />
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="344" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="329" />
        <source>Scans</source>
        <translation>扫描次数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="333" />
        <source>Resume</source>
        <translation>继续盘点</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="342" />
        <source>Register of stocktakes (清点检查登记)</source>
        <translation>清点检查登记</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="344" />
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="345" />
        <source>Action taken</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="352" />
        <source>Report (PDF)…</source>
        <translation>盘点报告（PDF）…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="353" />
        <source>Report (Excel)…</source>
        <translation>盘点报告（Excel）…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="354" />
        <source>Correct the catalogue…</source>
        <translation>更正目录…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="355" />
        <source>Export the register…</source>
        <translation>导出登记簿…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="403" />
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="415" />
        <source>%n open stocktake(s)</source>
        <translation><numerusform>%n 个盘点未结束</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="424" />
        <source>Room %1</source>
        <translation>%1号库房</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="430" />
        <source>Cabinet %1</source>
        <translation>%1号档案柜</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="430" />
        <source>Rack %1</source>
        <translation>%1号密集架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="481" />
        <source>No layer has the code %1.</source>
        <translation>没有位置编码为 %1 的层。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="549" />
        <source>Scan or type a layer label or a volume's code, then Enter</source>
        <translation>扫描或输入层标签、案卷档号，按回车</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="582" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="585" />
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="586" />
        <source>Needing attention</source>
        <translation>需处理的</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="592" />
        <source>Pause (resume later)</source>
        <translation>暂停（稍后继续）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="595" />
        <source>Finish the stocktake…</source>
        <translation>结束盘点…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="622" />
        <source>This stocktake is finished.</source>
        <translation>该盘点已结束。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="630" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="633" />
        <source>Resumed: %n scan(s) so far. Carry on where you stopped.</source>
        <translation><numerusform>已恢复：此前已扫描 %n 次，请从中断处继续。</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="635" />
        <source>Scan the label of the first layer, then every volume on it.</source>
        <translation>请扫描第一层的层标签，再逐一扫描该层上的案卷。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="644" />
        <source>No layer yet: scan a layer label</source>
        <translation>尚未选定层：请扫描层标签</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="661" />
        <source>Layers counted: %1 of %2 · scans: %3</source>
        <translation>已盘层数：%1 / %2 · 扫描次数：%3</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="729" />
        <source>Finish the stocktake %1? Its result goes into the register of stocktakes and cannot be changed afterwards.</source>
        <translation>结束盘点“%1”？结果将记入清点检查登记，之后不能再更改。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="732" />
        <source>%n layer(s) of the scope were not counted: volumes on them are not judged.</source>
        <translation><numerusform>范围内有 %n 层未盘点：这些层上的案卷不作判定。</numerusform></translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="733" />
        <source>Finish the stocktake</source>
        <translation>结束盘点</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="773" />
        <source>Save the stocktake report</source>
        <translation>保存盘点报告</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="774" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="783" />
        <source>Export the stocktake report</source>
        <translation>导出盘点报告</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="784" />
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="794" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="792" />
        <source>Export the register of stocktakes</source>
        <translation>导出清点检查登记</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="793" />
        <source>Register of stocktakes</source>
        <translation>清点检查登记</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="807" />
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="812" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/stocktake.py" line="842" />
        <source>Catalogue corrected: %1 marked missing, %2 moved, %3 back in stock.</source>
        <translation>目录已更正：标记缺失 %1 卷，更正位置 %2 卷，恢复在库 %3 卷。</translation>
    </message>
</context>
<context>
    <name>TransfersArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/area.py" line="29" />
        <source>Receiving</source>
        <translation>接收</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/area.py" line="30" />
        <source>Handing over</source>
        <translation>移交移出</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/area.py" line="31" />
        <source>Appraisal and destruction</source>
        <translation>鉴定销毁</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/area.py" line="32" />
        <source>Registers</source>
        <translation>登记簿</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/areas/transfers/area.py" line="40" />
        <source>Transfers</source>
        <translation>移交与鉴定</translation>
    </message>
</context>
<context>
    <name>VolumeDetailView</name>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="135" />
        <source>Details</source>
        <extracomment>the items' 题名 in the side pane keeps room for at least this many characters why the volume is held (封存, litigation …): never due, lent or destroyed while any stands when its retention runs out under the schedule, and from which day (services/retention.py) the personal fields shown unmasked (logged as a view: services/masking.py) the status a person sees: the stored one, or 阅览中 while a consultation is open (services/reading.py) "Show on shelf": the area asks the window to open the shelves area at the volume's layer "Legal holds…": the area opens the holds of the volume (place, release, print the 封存 list) whose pane it is: hidden titles and personal fields come masked for them (services/masking.py)</extracomment>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="152" />
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="248" />
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="322" />
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="162" />
        <source>Slip no.</source>
        <translation>借阅单号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="162" />
        <source>Borrower</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="162" />
        <source>Use</source>
        <translation>利用方式</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="163" />
        <source>Lent on</source>
        <translation>借出日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="163" />
        <source>Due</source>
        <translation>应还日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="163" />
        <source>Returned</source>
        <translation>归还日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="175" />
        <source>Loans</source>
        <translation>借阅记录</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="177" />
        <source>Location and loans</source>
        <translation>存放位置与借阅</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="181" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="181" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="181" />
        <source>What</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="181" />
        <source>Changes</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="186" />
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="240" />
        <source>No volume selected</source>
        <translation>未选择案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="265" />
        <source>Items (%1)</source>
        <translation>卷内目录（%1）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="267" />
        <source>Not shelved yet.</source>
        <translation>尚未上架。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="317" />
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="303" />
        <source>Archival code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="167" />
        <source>Show on shelf</source>
        <translation>在架位上查看</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="169" />
        <source>Open the shelves with this volume's layer highlighted</source>
        <translation>打开库房架位，并标出此卷所在的层</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="188" />
        <source>Legal holds…</source>
        <translation>冻结…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="190" />
        <source>Place a hold (封存, litigation, audit, unsettled matter) on this volume or release one; print the sealing list</source>
        <translation>对本卷设置冻结（封存、诉讼、审计、未结事项）或解除冻结；打印封存清单</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="295" />
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="304" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="305" />
        <source>Fonds</source>
        <translation>全宗</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="306" />
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="307" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="308" />
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="309" />
        <source> (%1 years)</source>
        <translation>（%1年）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="310" />
        <source>Security</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="312" />
        <source>Organisation</source>
        <translation>机构(问题)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="314" />
        <source>Box no.</source>
        <translation>盒号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="316" />
        <source>Item numbers</source>
        <translation>起止件号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="318" />
        <source>Responsible</source>
        <translation>责任者</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="320" />
        <source>Dates</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="321" />
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="325" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="327" />
        <source>Retention runs out</source>
        <translation>保管期满</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="329" />
        <source>On hold</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="332" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="333" />
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="334" />
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="342" />
        <source>not returned</source>
        <translation>未归还</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="384" />
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="385" />
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="386" />
        <source>made void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_detail.py" line="387" />
        <source>status changed</source>
        <translation>状态变更</translation>
    </message>
</context>
<context>
    <name>VolumeEditor</name>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="95" />
        <source>New volume</source>
        <extracomment>above the account's clearance: shown masked, nothing but 密级 and 保密期限 (the secadmin's) changes</extracomment>
        <translation>新建案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="95" />
        <source>Edit volume %1</source>
        <translation>编辑案卷 %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="157" />
        <source>Volume %1 (%2) is outside your clearance (%3): its title, notes and fields are masked and cannot be changed. You may still change its security level and period.</source>
        <translation>案卷 %1（%2）在您的密级权限之外（您的密级：%3）：题名、备注和各项内容已遮蔽，不能修改；您仍可修改其密级和保密期限。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="311" />
        <source>&amp;Use proposed</source>
        <translation>采用建议档号(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="327" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="328" />
        <source> years</source>
        <translation> 年</translation>
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
        <translation>全宗(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="140" />
        <source>Your role (%1) may not change a volume's security level and period: the security administrator sets them.</source>
        <translation>您的角色（%1）无权修改案卷的密级和保密期限：由安全保密管理员设定。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="125" />
        <source>Your role (%1) may not change this volume: it is shown to read.</source>
        <translation>您的角色（%1）无权修改此案卷，仅供查看。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="123" />
        <source>This volume is outside your clearance: its text is masked and cannot be changed.</source>
        <translation>此案卷在您的密级权限之外：内容已遮蔽，不能修改。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="160" />
        <source>Volume %1 (%2) is outside your clearance (%3): its title, notes and fields are masked and cannot be changed.</source>
        <translation>案卷 %1（%2）在您的密级权限之外（您的密级：%3）：题名、备注和各项内容已遮蔽，不能修改。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="213" />
        <source>&amp;Category</source>
        <translation>门类(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="214" />
        <source>&amp;Year</source>
        <translation>年度(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="215" />
        <source>&amp;Retention</source>
        <translation>保管期限(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="216" />
        <source>&amp;Organisation</source>
        <translation>机构(问题)(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="217" />
        <source>Archival &amp;code</source>
        <translation>档号(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="219" />
        <source>&amp;Title</source>
        <translation>题名(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="220" />
        <source>Res&amp;ponsible</source>
        <translation>责任者(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="221" />
        <source>&amp;Security</source>
        <translation>密级(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="222" />
        <source>Start date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="223" />
        <source>End date</source>
        <translation>终止日期</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="224" />
        <source>Pa&amp;ges</source>
        <translation>页数(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="225" />
        <source>Box no.</source>
        <translation>盒号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="226" />
        <source>First item no.</source>
        <translation>起始件号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="227" />
        <source>Last item no.</source>
        <translation>终止件号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="228" />
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="272" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="275" />
        <source>Revert</source>
        <translation>恢复原值</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="277" />
        <source>Bring back the values the editor opened with (Ctrl+R)</source>
        <translation>恢复打开编辑窗口时的内容（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="279" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="467" />
        <source>&lt;b&gt;%1 fields&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 专有字段&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="552" />
        <source>The code %1 is already used by another volume</source>
        <translation>档号 %1 已被其他案卷使用</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="582" />
        <source>Left empty, the next free code %1 is used.</source>
        <translation>留空时使用下一个可用档号 %1。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="584" />
        <source>Next free code in this group: %1</source>
        <translation>本组下一个可用档号：%1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="657" />
        <source>Changed meanwhile</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="659" />
        <source>Reload the volume</source>
        <translation>重新载入案卷</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/dialogs/volume_editor.py" line="660" />
        <source>Keep my values</source>
        <translation>保留我的填写</translation>
    </message>
</context>
<context>
    <name>VolumeFilterBar</name>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="49" />
        <source>contains…</source>
        <extracomment>how many characters a filter's combo box shows (the fonds box twice as many)</extracomment>
        <translation>包含…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="51" />
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="64" />
        <source>Fonds</source>
        <translation>全宗</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="64" />
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="64" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="65" />
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="65" />
        <source>Security</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="66" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="66" />
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="67" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="96" />
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="109" />
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="113" />
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="117" />
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="121" />
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="130" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="125" />
        <source>Current (not void)</source>
        <translation>现行（不含作废）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="128" />
        <source>All, void included</source>
        <translation>全部（含作废）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="131" />
        <source>Not shelved</source>
        <translation>未上架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/volume_filters.py" line="135" />
        <source>(own field)</source>
        <translation>（门类专有字段）</translation>
    </message>
</context>
<context>
    <name>VolumeTableModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="68" />
        <source>Archival code</source>
        <extracomment>the role that gives a row's volume id volumes shown greyed out the extra column shown with search results whose table it is (services.audit.Actor): titles above their clearance come masked; None = no accounts</extracomment>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="69" />
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="70" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="71" />
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="72" />
        <source>Security</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="73" />
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="74" />
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="75" />
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="76" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="77" />
        <source>Fonds</source>
        <translation>全宗</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="78" />
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="79" />
        <source>Responsible</source>
        <translation>责任者</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="80" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="81" />
        <source>Matched item</source>
        <translation>命中的卷内文件</translation>
    </message>
</context>
<context>
    <name>WaitDialog</name>
    <message>
        <location filename="../../src/archive_desk/ui/ops.py" line="289" />
        <source>Saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/ops.py" line="294" />
        <source>Waiting for another workstation…</source>
        <translation>正在等待另一台工作站…</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/ops.py" line="297" />
        <source>Another workstation is saving to the catalogue. This saves as soon as it is done; Cancel leaves the catalogue as it is.</source>
        <translation>另一台工作站正在保存档案目录。它一完成，这里就会保存；点“取消”则目录保持不变。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/ops.py" line="303" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/ops.py" line="309" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="44" />
        <source>The catalogue is empty</source>
        <extracomment>(action id, object name) of the page's buttons, in order</extracomment>
        <translation>目录库还是空的</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="50" />
        <source>Start in one of these ways. This page goes away once the catalogue holds its first volume; F1 opens the guide.</source>
        <translation>请从以下任一方式开始。目录库有了第一个案卷后，本页即不再显示；按 F1 打开使用指南。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="54" />
        <source>Import a register</source>
        <translation>导入登记表</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="54" />
        <source>Read the room's Excel or CSV register (登记表) into the catalogue.</source>
        <translation>把档案室的 Excel 或 CSV 登记表导入目录库。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="55" />
        <source>Set up fonds and categories</source>
        <translation>设置全宗与门类</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="55" />
        <source>The room's name for forms, its fonds, categories and 档号 rules.</source>
        <translation>表单上的档案室名称、全宗、门类和档号规则。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="56" />
        <source>Set up rooms and compact shelving</source>
        <translation>设置库房与密集架</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="56" />
        <source>The storerooms and racks, so that volumes get locations.</source>
        <translation>库房和密集架，为案卷分配存放位置。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="57" />
        <source>Open the demo catalogue</source>
        <translation>打开演示目录库</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="57" />
        <source>A catalogue of 1,000 sample volumes to try things out, in a window of its own.</source>
        <translation>含 1000 个示例案卷的目录库，在单独的窗口中打开，可随意试用。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="58" />
        <source>Connect to a server catalogue</source>
        <translation>连接服务器目录库</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="58" />
        <source>Open the room's shared catalogue on its PostgreSQL server.</source>
        <translation>打开档案室在 PostgreSQL 服务器上的共享目录库。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="163" />
        <source>Demo catalogue</source>
        <translation>演示目录库</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/views/welcome.py" line="164" />
        <source>The demo could not be started.</source>
        <translation>无法启动演示目录库。</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="38" />
        <location filename="../../src/archive_desk/ui/ops.py" line="274" />
        <source>ArchiveDesk</source>
        <extracomment>a write kept waiting for another workstation's lock this long says so (seconds) writes queued or running, in every window (tests wait for none) what a write changed (``services.ops.OpChanges``)</extracomment>
        <translation>档案室桌面管理</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="51" />
        <source>ArchiveDesk: unexpected error</source>
        <translation>档案室桌面管理：意外错误</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="52" />
        <source>Something went wrong that should not have. Your catalogue is safe: the change in progress was not saved. Please copy the details for support.</source>
        <translation>程序出现了意外错误。您的目录数据是安全的：正在进行的修改没有保存。请复制详细信息并联系技术支持。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="55" />
        <location filename="../../src/archive_desk/ui/crash.py" line="95" />
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="88" />
        <source>ArchiveDesk could not start</source>
        <translation>档案室桌面管理无法启动</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="89" />
        <source>(no log file could be written)</source>
        <translation>（无法写入日志文件）</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="90" />
        <source>ArchiveDesk could not start: {error}</source>
        <translation>档案室桌面管理无法启动：{error}</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="91" />
        <source>The details are in the log file:
{path}
Please send that file to whoever looks after ArchiveDesk for you.</source>
        <translation>详细信息已写入日志文件：
{path}
请将该文件发给为您维护本软件的人员。</translation>
    </message>
</context>
</TS>