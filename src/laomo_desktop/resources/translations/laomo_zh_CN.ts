<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../ui/app.py" line="143"/>
        <source>The ledger is in use by %1. Please wait until it has finished, then open the program again.</source>
        <translation>台账正在被%1使用。请等它完成后再打开本程序。</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="211"/>
        <location filename="../../ui/dialogs/menus.py" line="298"/>
        <source>Cannot open the ledger</source>
        <translation>无法打开台账</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="225"/>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="66"/>
        <source>Belongs to</source>
        <translation>所属记录</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="84"/>
        <source>This attachment is a program</source>
        <translation>这个附件是程序</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="87"/>
        <source>“%1” is not a document: it is a %2 (.%3). Opening it runs it on this computer, with your permissions.</source>
        <translation>“%1”不是文档，而是%2（.%3）。打开它就会以您的权限在这台电脑上运行它。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="93"/>
        <source>Its name contains characters that reverse the text shown after them (shown here as [U+202E] and the like): a trick that makes a program look like a document.</source>
        <translation>它的文件名含有反转后面文字显示顺序的字符（此处显示为 [U+202E] 等）：这是把程序伪装成文档的常见手法。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="97"/>
        <source>Open it only if you know who made it and why it was sent. Do you want to open it?</source>
        <translation>只有在您清楚它由谁制作、为何发送时才应打开。确定要打开吗？</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="99"/>
        <source>Open anyway</source>
        <translation>仍然打开</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="100"/>
        <source>Do not open</source>
        <translation>不打开</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="117"/>
        <source>“%1” cannot be opened: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="122"/>
        <source>no program on this computer opens this kind of file.</source>
        <translation>这台电脑上没有能打开这类文件的程序。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="129"/>
        <source>the file is no longer there.</source>
        <translation>文件已不在原处。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="154"/>
        <source>it could not be copied to a temporary folder (%1).</source>
        <translation>无法把它复制到临时文件夹（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="263"/>
        <source>Cannot find the file “%1”; choose it again.</source>
        <translation>找不到文件“%1”，请重新选择。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="266"/>
        <source>The file “%1” is larger than %2 MB; compress or split it before adding it.</source>
        <translation>文件“%1”超过 %2 MB，请压缩或拆分后再添加。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record.py" line="81"/>
        <location filename="../../ui/widgets/attachpanel.py" line="173"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="178"/>
        <source>Drop files here to attach them</source>
        <translation>把文件拖到这里即可添加为附件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments.py" line="80"/>
        <location filename="../../ui/pages/attachments.py" line="116"/>
        <location filename="../../ui/widgets/attachpanel.py" line="182"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments.py" line="81"/>
        <location filename="../../ui/pages/section.py" line="90"/>
        <location filename="../../ui/widgets/attachpanel.py" line="182"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments.py" line="83"/>
        <source>Open its record</source>
        <translation>打开所属记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments.py" line="85"/>
        <source>Open the record this file belongs to</source>
        <translation>打开该文件所属的记录（也可双击或在“所属记录”列按回车）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments.py" line="147"/>
        <source>The record this file belongs to is in the recycle bin; restore it there to open it.</source>
        <translation>该文件所属的记录在回收站中，请先在回收站中还原后再打开。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments.py" line="149"/>
        <source>The record this file belongs to is not in the ledger.</source>
        <translation>该文件所属的记录已不在台账中。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="183"/>
        <location filename="../../ui/widgets/childlists.py" line="251"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="222"/>
        <source>new</source>
        <translation>新添加</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="226"/>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments.py" line="125"/>
        <location filename="../../ui/widgets/attachpanel.py" line="116"/>
        <location filename="../../ui/widgets/attachpanel.py" line="144"/>
        <source>Cannot open the attachment</source>
        <translation>无法打开附件</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/childlists.py" line="44"/>
        <source>Find a member…</source>
        <translation>查找成员…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachpanel.py" line="60"/>
        <location filename="../../ui/widgets/childlists.py" line="89"/>
        <source> (in the recycle bin)</source>
        <translation>（在回收站中）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/childlists.py" line="251"/>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unioncolumns.py" line="38"/>
        <location filename="../../ui/dialogs/unioncolumns.py" line="112"/>
        <source>Union summary columns</source>
        <translation>汇总表的列</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unioncolumns.py" line="40"/>
        <source>Tick the figures the union summary shows (the page, the PDF and the XLSX alike); drag them or use Move up / Move down to order them.</source>
        <translation>勾选单位汇总要显示的指标（页面、PDF 和 XLSX 相同）；拖动或用“上移”“下移”调整顺序。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unioncolumns.py" line="45"/>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unioncolumns.py" line="48"/>
        <location filename="../../ui/widgets/childlists.py" line="252"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unioncolumns.py" line="50"/>
        <location filename="../../ui/widgets/childlists.py" line="253"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/unioncolumns.py" line="52"/>
        <source>Restore default</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../ui/system/crash.py" line="108"/>
        <source>Something went wrong inside the program, and what you were doing may not have finished.

Your data is safe: every change is saved in its own step, so everything saved before this moment is kept. You can keep working; if this happens again, close the program and start it again.</source>
        <translation>程序内部出现了错误，刚才的操作可能没有完成。

您的数据是安全的：每一次修改都单独保存，出错之前保存的内容都还在。您可以继续工作；如果再次出现，请关闭程序后重新打开。</translation>
    </message>
    <message>
        <location filename="../../ui/system/crash.py" line="113"/>
        <source>A report for support was written to:
%1
Please send this file to the person who looks after this program.</source>
        <translation>错误报告已保存到：
%1
请把这个文件发给负责本软件的技术人员。</translation>
    </message>
    <message>
        <location filename="../../ui/system/crash.py" line="138"/>
        <source>Unexpected error</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="116"/>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="116"/>
        <source>Backing up the ledger…</source>
        <translation>正在备份台账…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="113"/>
        <location filename="../../ui/window/mainwindow.py" line="306"/>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="103"/>
        <source>Backup made</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="104"/>
        <source>The ledger was backed up to the file “%1” (%2).

Backups are kept in the folder %3.</source>
        <translation>台账已备份到文件“%1”（%2）。

备份保存在文件夹 %3 中。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="129"/>
        <location filename="../../ui/dialogs/menus.py" line="238"/>
        <location filename="../../ui/dialogs/menus.py" line="321"/>
        <location filename="../../ui/dialogs/recovery.py" line="168"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="134"/>
        <source>Choose the backup to go back to. The ledger will then hold exactly what it held when that backup was made. The current ledger is backed up first, so you can return to it later.</source>
        <translation>请选择要恢复到的备份。恢复后，台账的内容将与该备份完全相同。恢复前会先备份当前台账，以后仍可回到现在的状态。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="141"/>
        <location filename="../../ui/dialogs/menus.py" line="360"/>
        <location filename="../../ui/dialogs/recovery.py" line="76"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="142"/>
        <location filename="../../ui/dialogs/recovery.py" line="77"/>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="142"/>
        <location filename="../../ui/widgets/attachpanel.py" line="71"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="50"/>
        <source>No. %1 · %2</source>
        <translation>第 %1 号 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="66"/>
        <location filename="../../ui/dialogs/conflicts.py" line="73"/>
        <location filename="../../ui/dialogs/conflicts.py" line="229"/>
        <source>Conflicts to review</source>
        <translation>待核对的冲突</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="67"/>
        <source>These records came in a data package with the same version as the ledger&apos;s copy but other content, so the import left them unchanged. For each one, keep the ledger&apos;s copy or take the package&apos;s.</source>
        <translation>以下记录随数据包传来，版本与本台账中的相同，内容却不同，导入时没有改动。请逐条选择保留本地的内容，或采用数据包中的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="75"/>
        <location filename="../../ui/dialogs/menus.py" line="142"/>
        <location filename="../../ui/dialogs/noticepkg.py" line="68"/>
        <location filename="../../ui/dialogs/recovery.py" line="77"/>
        <location filename="../../ui/pages/binlog.py" line="100"/>
        <location filename="../../ui/pages/binlog.py" line="159"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="78"/>
        <source>There are no conflicts to review.</source>
        <translation>没有待核对的冲突。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="88"/>
        <source>Fields that differ</source>
        <translation>不同的字段</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="89"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="89"/>
        <source>In this ledger</source>
        <translation>本地</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="90"/>
        <source>In the package</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="104"/>
        <source>Keep local</source>
        <translation>保留本地</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="106"/>
        <source>Keep the ledger&apos;s copy; the package&apos;s is set aside</source>
        <translation>保留本台账中的内容，不采用数据包中的内容</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="108"/>
        <source>Take the package&apos;s</source>
        <translation>采用数据包</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="110"/>
        <source>Replace the ledger&apos;s copy with the package&apos;s (a backup is taken first)</source>
        <translation>用数据包中的内容替换本台账中的内容（先自动备份）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="190"/>
        <source>Take the package&apos;s copy</source>
        <translation>采用数据包</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="191"/>
        <source>Replace the ledger&apos;s copy of %1 with the one from the package? A backup of the ledger is taken first.</source>
        <translation>要用数据包中的内容替换本台账中的%1吗？替换前会先自动备份台账。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="229"/>
        <source>Resolving the conflict…</source>
        <translation>正在处理冲突…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="219"/>
        <source>Cannot resolve the conflict</source>
        <translation>无法处理冲突</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="209"/>
        <source>Kept the ledger&apos;s copy of %1.</source>
        <translation>已保留本地的%1。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="210"/>
        <source>Took the package&apos;s copy of %1.</source>
        <translation>已采用数据包中的%1。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="165"/>
        <source>There are no backups yet. Use “Choose another file…” to restore from a backup file kept elsewhere.</source>
        <translation>还没有备份。可点“选择其他文件…”，从保存在别处的备份文件恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="172"/>
        <source>Choose another file…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="177"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="216"/>
        <source>Choose a backup file</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="217"/>
        <source>Ledger backups (*.sqlite3 *.db);;All files (*)</source>
        <translation>台账备份 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="276"/>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="254"/>
        <source>Cannot restore this backup</source>
        <translation>无法用此备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="243"/>
        <source>Go back to the backup of %1?

Everything entered since then will no longer be in the ledger. The current ledger is backed up first, so you can return to it by restoring that backup.</source>
        <translation>确定恢复到 %1 的备份吗？

此后录入的内容将不再出现在台账中。恢复前会先备份当前台账，需要时可通过恢复那个备份回到现在的状态。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="247"/>
        <location filename="../../ui/dialogs/menus.py" line="321"/>
        <location filename="../../ui/dialogs/recovery.py" line="168"/>
        <source>Restoring the ledger…</source>
        <translation>正在恢复台账…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="272"/>
        <location filename="../../ui/dialogs/menus.py" line="315"/>
        <location filename="../../ui/dialogs/recovery.py" line="166"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="261"/>
        <location filename="../../ui/dialogs/menus.py" line="307"/>
        <location filename="../../ui/dialogs/recovery.py" line="205"/>
        <source>Ledger restored</source>
        <translation>台账已恢复</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="262"/>
        <source>The ledger now holds the backup of %1.

What it held just before was saved as the backup “%2”; restore that one to undo this.</source>
        <translation>台账已恢复为 %1 的备份。

恢复前的台账已保存为备份“%2”；如需撤销本次恢复，请恢复那个备份。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="308"/>
        <source>The ledger now holds the backup of %1.</source>
        <translation>台账现在的内容是%1的备份。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="309"/>
        <source>The previous file was damaged; it was kept, unchanged, as:</source>
        <translation>原来的台账文件已损坏，已原样保存为：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="31"/>
        <source>Check passed: the ledger file is sound, every attachment is in place and unchanged, and the studios&apos; records follow the rules.</source>
        <translation>检查通过：台账文件完好，所有附件齐全且未被改动，各工作室的记录符合规则。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="41"/>
        <source>ledger check</source>
        <translation>台账检查</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="42"/>
        <source>Ledger: %1</source>
        <translation>台账：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="43"/>
        <source>Checked at: %1</source>
        <translation>检查时间：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="48"/>
        <source>Errors (%1): the data is damaged</source>
        <translation>错误（%1 个）：数据已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="52"/>
        <source>Warnings (%1): a rule is not met</source>
        <translation>提示（%1 个）：有规则未满足</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="56"/>
        <source>What to do: restore a recent backup (File ▸ Restore from a backup), or send this report to support.</source>
        <translation>处理办法：恢复最近的备份（文件 ▸ 从备份恢复），或把本报告发给技术支持。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="59"/>
        <source>What to do: correct the records named above.</source>
        <translation>处理办法：修改上面提到的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="68"/>
        <location filename="../../ui/dialogs/check.py" line="126"/>
        <location filename="../../ui/window/mainwindow.py" line="240"/>
        <source>Check the ledger</source>
        <translation>检查台账</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="72"/>
        <source>No problems found.</source>
        <translation>没有发现问题。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="74"/>
        <source>%1 error(s) and %2 warning(s) found.</source>
        <translation>发现 %1 个错误、%2 个提示。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="77"/>
        <source>%1 warning(s) found; the data itself is sound.</source>
        <translation>发现 %1 个提示；数据本身完好。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="89"/>
        <source>Check report</source>
        <translation>检查报告</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="94"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="96"/>
        <source>Copy the report to paste it into a message</source>
        <translation>复制报告，以便粘贴到消息中</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="126"/>
        <source>Checking the ledger…</source>
        <translation>正在检查台账…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/check.py" line="124"/>
        <source>Check failed</source>
        <translation>检查失败</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="342"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="353"/>
        <source>Back up the ledger every time the program closes</source>
        <translation>每次关闭程序时备份台账</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="357"/>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="359"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="364"/>
        <source>Backups are kept in %1; older ones are thinned out to one per day, week and month.</source>
        <translation>备份保存在 %1 中；较早的备份按每天、每周、每月各保留一份。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="395"/>
        <location filename="../../ui/dialogs/musthaveset.py" line="26"/>
        <source>Must-have set</source>
        <translation>必有项标准</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="423"/>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="424"/>
        <source>The ledger of a model-worker innovation studio. It works offline; the data stays on this computer.</source>
        <translation>劳模创新工作室台账。无需联网，数据只保存在本机。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="426"/>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="429"/>
        <source>Signing-key fingerprint of this computer (for data packages):</source>
        <translation>本机签名密钥指纹（用于数据包）：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/menus.py" line="442"/>
        <source>About %1</source>
        <translation>关于%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments.py" line="109"/>
        <source>Attach files to the studio</source>
        <translation>为工作室添加附件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="230"/>
        <location filename="../../ui/pages/attachments.py" line="114"/>
        <source>Not attached</source>
        <translation>未能添加附件</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="55"/>
        <location filename="../../ui/window/mainwindow.py" line="280"/>
        <source>Studio Ledger — Laomo Desktop</source>
        <translation>劳模创新工作室台账</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="68"/>
        <source>Sections</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="75"/>
        <location filename="../../ui/dialogs/officeimport.py" line="59"/>
        <location filename="../../ui/pages/unioncards.py" line="90"/>
        <location filename="../../ui/pages/unionlayout.py" line="166"/>
        <location filename="../../ui/window/mainwindow.py" line="178"/>
        <location filename="../../ui/window/mainwindow.py" line="185"/>
        <source>Studio</source>
        <translation>工作室</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="58"/>
        <source>The form could not be saved: %1. If the file is open in Word, Excel or WPS, close it first, or choose another folder, and try again.</source>
        <translation>表单无法保存：%1。如果该文件正在 Word、Excel 或 WPS 中打开，请先关闭，或换一个文件夹，再试一次。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="70"/>
        <location filename="../../ui/dialogs/fillform.py" line="169"/>
        <source>Fill a union form</source>
        <translation>填写单位表单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="71"/>
        <source>Fills a union&apos;s own Word (.docx) or Excel (.xlsx) form from the ledger. Put the union&apos;s forms in the forms folder of the data folder, or choose a file.</source>
        <translation>用台账数据填写工会下发的 Word（.docx）或 Excel（.xlsx）表单。可把工会的表单放进数据文件夹中的 forms 文件夹，或直接选择文件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="77"/>
        <source>Forms</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="80"/>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="81"/>
        <source>Open the forms folder</source>
        <translation>打开表单文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="82"/>
        <source>Form fields…</source>
        <translation>表单字段说明…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="93"/>
        <source>Fill one for every studio of the ledger (union office)</source>
        <translation>为台账中每个工作室各填一份（工会使用）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="98"/>
        <source>{工作室名称} {年度} {表单名称} {领衔人} {所在单位} stand for their values.</source>
        <translation>{工作室名称}{年度}{表单名称}{领衔人}{所在单位}会换成相应内容。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="107"/>
        <location filename="../../ui/window/mainwindow.py" line="182"/>
        <source>Studio:</source>
        <translation>工作室：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="109"/>
        <source>File name:</source>
        <translation>文件名：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="112"/>
        <source>Fill and save…</source>
        <translation>填写并保存…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="132"/>
        <source>forms folder</source>
        <translation>表单文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="132"/>
        <source>example</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="135"/>
        <source>chosen file</source>
        <translation>所选文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="159"/>
        <source>Choose a form</source>
        <translation>选择表单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="161"/>
        <source>Word or Excel forms (*.docx *.xlsx)</source>
        <translation>Word 或 Excel 表单 (*.docx *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="175"/>
        <source>Examples are typical values; choose a studio to see its own.</source>
        <translation>示例为常见取值；选择工作室后显示该工作室的实际内容。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="179"/>
        <source>Examples are the values of %1 in %2.</source>
        <translation>示例为“%1” %2 年度的实际内容。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="189"/>
        <source>(studio)</source>
        <translation>（工作室）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="197"/>
        <source>No studio chosen</source>
        <translation>未选择工作室</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="202"/>
        <source>Saved as: %1</source>
        <translation>保存为：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="221"/>
        <source>Save the filled forms in</source>
        <translation>填好的表单保存到</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="233"/>
        <location filename="../../ui/dialogs/fillform.py" line="264"/>
        <source>Not filled</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="236"/>
        <source>Save the filled form</source>
        <translation>保存填好的表单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="237"/>
        <location filename="../../ui/pages/reports.py" line="457"/>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="252"/>
        <source>Form filled</source>
        <translation>表单已填写</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="253"/>
        <source>Saved “%1”.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="270"/>
        <source>Filling the form</source>
        <translation>填写表单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="270"/>
        <source>Filling the form…</source>
        <translation>正在填写表单…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="275"/>
        <source>%1 file(s) saved in “%2”.</source>
        <translation>已在“%2”中保存 %1 个文件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="278"/>
        <source>Not filled:</source>
        <translation>未填写：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="280"/>
        <source>Forms filled</source>
        <translation>表单已填写</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="106"/>
        <location filename="../../ui/pages/reports.py" line="123"/>
        <location filename="../../ui/window/mainwindow.py" line="190"/>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="109"/>
        <location filename="../../ui/window/mainwindow.py" line="193"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="198"/>
        <location filename="../../ui/window/mainwindow.py" line="416"/>
        <source>Studio profile…</source>
        <translation>工作室信息…</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="208"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="209"/>
        <location filename="../../ui/window/mainwindow.py" line="390"/>
        <source>New studio…</source>
        <translation>新建工作室…</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="211"/>
        <source>Export data package…</source>
        <translation>导出数据包…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="105"/>
        <location filename="../../ui/window/mainwindow.py" line="212"/>
        <source>Import data packages…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="215"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="216"/>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="109"/>
        <location filename="../../ui/window/mainwindow.py" line="219"/>
        <source>Open the data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="121"/>
        <location filename="../../ui/window/mainwindow.py" line="221"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="222"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/system/selftest.py" line="66"/>
        <location filename="../../ui/window/mainwindow.py" line="224"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="213"/>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="227"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="229"/>
        <location filename="../../ui/window/mainwindow.py" line="230"/>
        <source>Redo (Ctrl+Y or Ctrl+Shift+Z)</source>
        <translation>重做（Ctrl+Y 或 Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="237"/>
        <source>Find in the whole ledger…</source>
        <translation>全台账查找…</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="239"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="241"/>
        <source>Statistics year starts in…</source>
        <translation>统计年度起始月…</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="242"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="243"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="244"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../ui/window/sectionkeys.py" line="34"/>
        <source>New record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <location filename="../../ui/window/sectionkeys.py" line="35"/>
        <source>Open the selected record</source>
        <translation>打开选中的记录</translation>
    </message>
    <message>
        <location filename="../../ui/window/sectionkeys.py" line="37"/>
        <source>Delete the selected record</source>
        <translation>删除选中的记录（移到回收站）</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="280"/>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="300"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../ui/window/mainwindow.py" line="363"/>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="88"/>
        <source>The statistics year has changed, for example: %1</source>
        <translation>统计年度已更改，例如：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="95"/>
        <source>Loading sample data…</source>
        <translation>正在载入示例数据…</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="95"/>
        <source>Sample data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="136"/>
        <source>not made yet (it is made with the first export)</source>
        <translation>尚未生成（第一次导出时生成）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="150"/>
        <location filename="../../ui/dialogs/exchange.py" line="369"/>
        <location filename="../../ui/window/commands.py" line="29"/>
        <source>Export data package</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="165"/>
        <source>The union office confirms this fingerprint with you (by phone or on paper) before it imports your first package. It is also printed on the review packet.</source>
        <translation>工会在导入您的第一个数据包之前，会通过电话或纸面与您核对这个指纹。它也印在考核材料上。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="173"/>
        <source>Where to write the package</source>
        <translation>数据包写到哪里</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="174"/>
        <source>Drive</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="174"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="174"/>
        <source>Free space</source>
        <translation>可用空间</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="183"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="185"/>
        <source>List the drives again (after plugging in a USB stick)</source>
        <translation>重新列出磁盘（插入U盘后）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="187"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="196"/>
        <source>Write the last package again</source>
        <translation>重新写入上一个数据包</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="199"/>
        <source>For a USB stick that failed: write the package kept on this computer to another drive, without exporting again</source>
        <translation>U盘出了问题时使用：把本机保存的数据包写到另一个磁盘，无需重新导出</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="211"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="220"/>
        <source>Signing-key fingerprint of this computer:</source>
        <translation>本机签名密钥指纹：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="226"/>
        <source>Write the package to (USB sticks are listed first):</source>
        <translation>把数据包写到（U盘排在前面）：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="234"/>
        <source>Last package</source>
        <translation>上一个数据包</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="245"/>
        <source>This studio&apos;s data was imported from its data packages; only the studio itself can export it.</source>
        <translation>该工作室的数据是从它的数据包导入的，只能由该工作室自己导出。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="254"/>
        <source>Personal data in the package</source>
        <translation>数据包中的个人信息</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="257"/>
        <source>The union&apos;s statistics and review need none of these; tick only what the union office should also receive.</source>
        <translation>工会的统计和考核都用不到这些信息；只勾选确实需要让工会收到的项。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="291"/>
        <source>USB stick</source>
        <translation>U盘</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="312"/>
        <location filename="../../ui/pages/unionoffices.py" line="100"/>
        <source>Choose the folder to write to</source>
        <translation>选择要写入的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="323"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="339"/>
        <source>No. %1, made %2: %3</source>
        <translation>第 %1 号，生成于 %2：%3</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="343"/>
        <source>None yet.</source>
        <translation>还没有。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="359"/>
        <source>Exporting the data package…</source>
        <translation>正在导出数据包…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="366"/>
        <source>Writing the package again…</source>
        <translation>正在重新写入数据包…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="100"/>
        <source>Left out because</source>
        <translation>未导入的原因</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="112"/>
        <location filename="../../ui/dialogs/excelimport.py" line="239"/>
        <location filename="../../ui/dialogs/excelimport.py" line="242"/>
        <location filename="../../ui/dialogs/excelimport.py" line="309"/>
        <location filename="../../ui/dialogs/excelimport.py" line="318"/>
        <location filename="../../ui/dialogs/excelimport.py" line="324"/>
        <location filename="../../ui/dialogs/excelimport.py" line="351"/>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="132"/>
        <source>%1 (about %2 rows)</source>
        <translation>%1（约 %2 行）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="142"/>
        <source>Workbook:</source>
        <translation>工作簿：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="143"/>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="144"/>
        <source>The sheet holds:</source>
        <translation>表中记录：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="147"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="147"/>
        <source>Header in the sheet</source>
        <translation>表中列名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="147"/>
        <source>First row</source>
        <translation>第一行数据</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="147"/>
        <source>Goes to</source>
        <translation>导入到</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="153"/>
        <source>Columns are matched by their headers; choose another item where the match is wrong, or &quot;Not imported&quot;. Rows already in the ledger are not imported again.</source>
        <translation>各列已按列名对应到台账的项目；对应不对的，请另选项目或选“不导入”。台账中已有的行不会重复导入。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="157"/>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="160"/>
        <location filename="../../ui/dialogs/excelimport.py" line="275"/>
        <location filename="../../ui/dialogs/exchange.py" line="81"/>
        <location filename="../../ui/dialogs/targets.py" line="109"/>
        <location filename="../../ui/system/tasks.py" line="84"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="188"/>
        <source>The header is row %1 of the sheet.</source>
        <translation>表头在工作表的第 %1 行。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="190"/>
        <source>No header found in this sheet.</source>
        <translation>这个工作表中找不到表头。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="242"/>
        <source>Reading the sheet…</source>
        <translation>正在读取工作表…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="265"/>
        <source>Red cells are refused by the ledger, yellow cells differ from the record the ledger already has, grey rows are in the ledger already: pointing at a cell tells why. Only the new rows without errors are imported; Ctrl+Z undoes the whole import.</source>
        <translation>红色单元格台账不接受，黄色单元格与台账中已有的记录不同，灰色的行台账中已有：指向单元格可看原因。只导入没有错误的新行；按 Ctrl+Z 可撤销整个导入。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="271"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="303"/>
        <source>Import %1 rows</source>
        <translation>导入 %1 行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="310"/>
        <source>Excel workbooks (*.xlsx *.xlsm);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="324"/>
        <source>Opening the workbook…</source>
        <translation>正在打开工作簿…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="340"/>
        <source>Import %1 rows of %2 from Excel</source>
        <translation>从 Excel 导入 %1 行%2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="348"/>
        <source>%1 records imported. Ctrl+Z removes them all.</source>
        <translation>已导入 %1 条记录。按 Ctrl+Z 可全部撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="383"/>
        <source>Export cancelled</source>
        <translation>已取消导出</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="384"/>
        <source>The export was cancelled; no package was written.</source>
        <translation>导出已取消，没有写入数据包。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="391"/>
        <source>Package written</source>
        <translation>数据包已写入</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="392"/>
        <source>The data package “%1” (No. %2, %3) was written to %4 and checked by reading it back.

It is now safe to remove the USB stick.</source>
        <translation>数据包“%1”（第 %2 号，%3）已写入 %4，并已回读校验无误。

现在可以安全拔出U盘。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="396"/>
        <source>Personal data left out: %1</source>
        <translation>未放入的个人信息：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="402"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="105"/>
        <source>Sample data not loaded</source>
        <translation>未能载入示例数据</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="56"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="91"/>
        <source>%1 shown</source>
        <translation>显示 %1 条</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="75"/>
        <location filename="../../ui/pages/binlog.py" line="100"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="42"/>
        <source>Union targets</source>
        <translation>汇总表目标</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="100"/>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="102"/>
        <location filename="../../ui/pages/binlog.py" line="132"/>
        <location filename="../../ui/pages/binlog.py" line="153"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="104"/>
        <source>Delete for good…</source>
        <translation>彻底删除…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="129"/>
        <source>Not restored</source>
        <translation>未能恢复</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="139"/>
        <location filename="../../ui/pages/binlog.py" line="153"/>
        <source>Delete for good</source>
        <translation>彻底删除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="140"/>
        <source>This record will be removed for good and cannot be restored. Continue?</source>
        <translation>这条记录将被彻底删除，无法再恢复。确定继续吗？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="145"/>
        <location filename="../../ui/pages/section.py" line="414"/>
        <source>Not deleted</source>
        <translation>未能删除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="152"/>
        <source>Create</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/pages/members.py" line="31"/>
        <location filename="../../ui/pages/members.py" line="55"/>
        <source>Change leader…</source>
        <translation>更换领衔人…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/members.py" line="33"/>
        <source>Hand the studio over to another member from a given day; the leader history keeps who led before</source>
        <translation>自某一天起改由另一位成员领衔；领衔人沿革记下此前由谁领衔</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="152"/>
        <location filename="../../ui/pages/members.py" line="53"/>
        <location filename="../../ui/pages/section.py" line="163"/>
        <location filename="../../ui/pages/section.py" line="315"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../ui/pages/members.py" line="79"/>
        <source>%1 is the leader from %2. Ctrl+Z undoes it.</source>
        <translation>自 %2 起由“%1”任领衔人。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/members.py" line="98"/>
        <source>“%1” is the studio&apos;s leader. If the role is changed here, the documents of earlier years no longer name %1 as the leader. To hand the studio over to another member, give that member the role of leader, or use Change leader… in the members list: the leader history then keeps %1.

Change the role anyway (only to correct a mistake)?</source>
        <translation>“%1”是本工作室的领衔人。在这里改掉其角色后，以往年度的材料将不再写“%1”为领衔人。要把工作室交给另一位成员领衔，请把那位成员的“工作室角色”设为领衔人，或在成员列表上方点“更换领衔人…”：领衔人沿革会记下“%1”。

仍要更改角色吗（仅用于更正录错的角色）？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/members.py" line="104"/>
        <source>Not saved: %1 is still the leader.</source>
        <translation>未保存：“%1”仍是领衔人。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/members.py" line="121"/>
        <source>Not saved: giving the role of leader here is a change of leader. Confirm its date in the dialog that opens on Save, or choose another role.</source>
        <translation>未保存：在这里设为领衔人就是更换领衔人。请在保存时弹出的“更换领衔人”窗口中确认更换日期，或选择其他角色。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="152"/>
        <location filename="../../ui/pages/section.py" line="164"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="154"/>
        <source>Bulk import</source>
        <translation>批量导入</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="154"/>
        <source>Set targets</source>
        <translation>设置目标</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="159"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="159"/>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="159"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/pages/binlog.py" line="159"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record.py" line="56"/>
        <location filename="../../ui/pages/section.py" line="397"/>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record.py" line="56"/>
        <location filename="../../ui/pages/section.py" line="370"/>
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="112"/>
        <location filename="../../ui/dialogs/record.py" line="160"/>
        <location filename="../../ui/pages/notices.py" line="181"/>
        <location filename="../../ui/pages/notices.py" line="261"/>
        <location filename="../../ui/pages/reports.py" line="470"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record.py" line="166"/>
        <source>Attachments not added</source>
        <translation>附件未全部添加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/record.py" line="167"/>
        <source>The record was saved, but not every attachment was added:</source>
        <translation>记录已保存，但有附件未能添加：</translation>
    </message>
    <message>
        <location filename="../../ui/window/search.py" line="22"/>
        <source>Find in the whole ledger</source>
        <translation>全台账查找</translation>
    </message>
    <message>
        <location filename="../../ui/window/search.py" line="27"/>
        <source>Type any word of a record: a name, a topic, a title…</source>
        <translation>输入记录中的任意文字：姓名、主题、名称…</translation>
    </message>
    <message>
        <location filename="../../ui/window/search.py" line="28"/>
        <source>Search text</source>
        <translation>查找内容</translation>
    </message>
    <message>
        <location filename="../../ui/window/search.py" line="51"/>
        <source>%1 found</source>
        <translation>找到 %1 条</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="161"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="70"/>
        <source>Import data package</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="79"/>
        <source>Package No. %1, made %2 · %3</source>
        <translation>第 %1 号数据包，生成于 %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="85"/>
        <location filename="../../ui/dialogs/recovery.py" line="77"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="93"/>
        <location filename="../../ui/pages/listfooter.py" line="29"/>
        <location filename="../../ui/pages/uniontable.py" line="288"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="121"/>
        <source>This package was already imported on %1; importing it again would change nothing.</source>
        <translation>此数据包已于 %1 导入过，再次导入不会有任何改动。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="126"/>
        <source>Conflicting records are not overwritten; they are listed for review.</source>
        <translation>有冲突的记录不会被覆盖，将列入冲突清单待核对。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="134"/>
        <source>I confirmed this fingerprint with the studio (by phone or on paper)</source>
        <translation>我已与该工作室核对过这个指纹（通过电话或纸面）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="137"/>
        <source>Replace the registered key with this new one (I confirmed the new fingerprint with the studio)</source>
        <translation>用这个新密钥更换登记的密钥（我已与该工作室核对过新指纹）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="78"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="81"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="159"/>
        <source>✓ Signed with the key registered for this studio (%1).</source>
        <translation>✓ 签名密钥与本台账为该工作室登记的一致（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="161"/>
        <source>This is the first package from this studio. Before importing, call the studio (or check the review packet) and compare its signing-key fingerprint with this one:</source>
        <translation>这是该工作室的第一个数据包。导入前请给该工作室打电话（或查看考核材料），核对其签名密钥指纹是否与下面一致：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="164"/>
        <source>The signing key of this studio has CHANGED. The studio may have reinstalled the program, or the package may be forged. Call the studio and compare the new fingerprint before importing.</source>
        <translation>该工作室的签名密钥变了！可能是工作室重装了程序，也可能是伪造的数据包。导入前请给该工作室打电话核对新指纹。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="115"/>
        <source>Registered: %1</source>
        <translation>登记的指纹：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="116"/>
        <source>This package: %1</source>
        <translation>此数据包：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="188"/>
        <source>Import report</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="190"/>
        <source>%1 of %2 package(s) imported.</source>
        <translation>共 %2 个数据包，导入了 %1 个。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="212"/>
        <source>Choose data packages</source>
        <translation>选择数据包</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="213"/>
        <source>Data packages (*%1);;All files (*)</source>
        <translation>数据包 (*%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="294"/>
        <source>Import data packages</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="300"/>
        <source>Checking “%1”…</source>
        <translation>正在校验“%1”…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="313"/>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="331"/>
        <source>Already imported on %1; nothing was changed.</source>
        <translation>已于 %1 导入过，没有改动。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="334"/>
        <source>Skipped; nothing was imported.</source>
        <translation>已跳过，没有导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="337"/>
        <source>Importing “%1”…</source>
        <translation>正在导入“%1”…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="354"/>
        <source>Cancelled; nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="49"/>
        <source>This studio was imported from its data packages: read-only. Its records are entered by the studio itself and updated by importing its next package.</source>
        <translation>这是从数据包导入的工作室，只读。记录由该工作室自己录入，导入它的下一个数据包时更新。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="66"/>
        <source>Not provided</source>
        <translation>未提供</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="72"/>
        <source>%1 (read-only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="84"/>
        <source>The studio did not include this in its data package.</source>
        <translation>工作室没有在数据包中提供此项。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="162"/>
        <source>New record (Ctrl+N)</source>
        <translation>新建记录（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="165"/>
        <source>Move to the recycle bin (Del)</source>
        <translation>移入回收站（Del）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="174"/>
        <source>Show all records</source>
        <translation>显示全部记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="176"/>
        <source>Also list the records that were not in force or not dated in the selected year (shown in grey)</source>
        <translation>同时列出所选年度内未生效或不属于该年度的记录（以灰色显示）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="184"/>
        <source>Search (Ctrl+F)</source>
        <translation>搜索（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="423"/>
        <source>%1 records moved to the recycle bin. Ctrl+Z undoes it; the recycle bin restores them.</source>
        <translation>%1 条记录已移到回收站。按 Ctrl+Z 可撤销，也可在回收站中恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="185"/>
        <location filename="../../ui/window/sectionkeys.py" line="39"/>
        <source>Search this section</source>
        <translation>在本栏目中搜索</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="295"/>
        <source>Not in %1</source>
        <translation>不在 %1内</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="297"/>
        <source>All records are shown; %1 of them are not in %2 and are shown in grey (&lt;a href=&quot;#year&quot;&gt;only %2&lt;/a&gt;)</source>
        <translation>已显示全部记录，其中 %1 条不在 %2内，以灰色显示（&lt;a href=&quot;#year&quot;&gt;只显示 %2&lt;/a&gt;）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="302"/>
        <source>%1 more records are not in %2 (&lt;a href=&quot;#all&quot;&gt;show all records&lt;/a&gt;)</source>
        <translation>另有 %1 条记录不在 %2内（&lt;a href=&quot;#all&quot;&gt;显示全部记录&lt;/a&gt;）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/members.py" line="53"/>
        <location filename="../../ui/pages/section.py" line="315"/>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="323"/>
        <source>%1 records</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="324"/>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / 共 %2 条</translation>
    </message>
    <message>
        <location filename="../../ui/pages/attachments.py" line="147"/>
        <location filename="../../ui/pages/attachments.py" line="154"/>
        <location filename="../../ui/pages/section.py" line="386"/>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="416"/>
        <source>Delete %1</source>
        <translation>删除%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/section.py" line="421"/>
        <source>Moved to the recycle bin. Ctrl+Z undoes it; the recycle bin restores it.</source>
        <translation>已移入回收站。按 Ctrl+Z 可撤销，也可在回收站中恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/system/undo.py" line="39"/>
        <source>Cannot undo</source>
        <translation>无法撤销</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="48"/>
        <source>Welcome to the studio ledger</source>
        <translation>欢迎使用劳模创新工作室台账</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="51"/>
        <source>Start by creating your studio. Everything else — members, activities, results, funds — is added from the sections on the left.</source>
        <translation>先创建您的工作室。成员、活动、成果、经费等其他内容，都在左侧的栏目中添加。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="59"/>
        <source>e.g. Li Ming Model-Worker Innovation Studio</source>
        <translation>例如：李明劳模创新工作室</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="75"/>
        <source>Leader&apos;s name</source>
        <translation>领衔人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="90"/>
        <source>Create the studio</source>
        <translation>创建工作室</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="94"/>
        <source>Load sample data to look around</source>
        <translation>载入示例数据看看</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="102"/>
        <source>At a union office? Start by importing the studios&apos; data packages.</source>
        <translation>在工会工作？请先导入各工作室的数据包。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="111"/>
        <source>Your data stays on this computer: %1</source>
        <translation>数据只保存在本机：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="91"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="92"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="101"/>
        <source>Fill a union form…</source>
        <translation>填写单位表单…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="102"/>
        <source>A union&apos;s own Word or Excel form, filled from the ledger</source>
        <translation>用台账数据填写工会下发的 Word 或 Excel 表单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="104"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="114"/>
        <source>Assessment template</source>
        <translation>评分模板</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="128"/>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="131"/>
        <location filename="../../ui/pages/reports.py" line="134"/>
        <source>Attachments to include</source>
        <translation>放入的附件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="137"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="72"/>
        <location filename="../../ui/pages/reports.py" line="170"/>
        <location filename="../../ui/pages/reports.py" line="207"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="71"/>
        <location filename="../../ui/pages/reports.py" line="171"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="181"/>
        <source>Area</source>
        <translation>考核项目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="181"/>
        <source>Criterion</source>
        <translation>考核内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="181"/>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="182"/>
        <source>Score</source>
        <translation>自评得分</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="182"/>
        <location filename="../../ui/pages/unionlayout.py" line="166"/>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="182"/>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="193"/>
        <source>To hand the self-assessment in, export the review packet: it holds this table with the annual summary and the evidence.</source>
        <translation>需要上报自评结果时，请导出考核材料：其中包含本自评表、年度工作总结和佐证材料。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="196"/>
        <source>Export the review packet…</source>
        <translation>导出考核材料…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/musthaveset.py" line="33"/>
        <location filename="../../ui/pages/reports.py" line="233"/>
        <source>%1 (cannot be used)</source>
        <translation>%1（无法使用）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/musthaveset.py" line="46"/>
        <source>Set:</source>
        <translation>标准：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/musthaveset.py" line="47"/>
        <source>The overview, the annual summary and the review packet check every studio-year against it.</source>
        <translation>概况页、年度工作总结和考核材料按它逐年自查。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/musthaveset.py" line="52"/>
        <source>A union&apos;s own sets are assessment templates with &quot;must_haves&quot;, put in %1.</source>
        <translation>本工会自己的标准是写有 &quot;must_haves&quot; 的评分模板，放在 %1 文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="238"/>
        <source>%1 criteria, %2 points</source>
        <translation>%1 项考核内容，共 %2 分</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="245"/>
        <source>%1 template file(s) cannot be used; point at them in the list to see why.</source>
        <translation>有 %1 个模板文件无法使用，将鼠标指向列表中的该项可查看原因。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="267"/>
        <source>This studio has no attachments.</source>
        <translation>本工作室还没有附件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="292"/>
        <source>Choose a studio first.</source>
        <translation>请先选择工作室。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="334"/>
        <location filename="../../ui/pages/reports.py" line="346"/>
        <location filename="../../ui/pages/reports.py" line="386"/>
        <source>Not generated</source>
        <translation>未能生成</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="334"/>
        <source>Choose an assessment template.</source>
        <translation>请选择评分模板。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="347"/>
        <source>No temporary file can be made in %1: %2.</source>
        <translation>无法在 %1 中创建临时文件：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="356"/>
        <source>Writing %1…</source>
        <translation>正在生成%1…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="59"/>
        <source>sent by %1 (%2), version %3</source>
        <translation>%1（%2）下发，第 %3 版</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="72"/>
        <source>Required items of the chosen notice</source>
        <translation>所选通知的报送材料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="80"/>
        <source>Required items</source>
        <translation>报送材料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="81"/>
        <source>Item to hand in</source>
        <translation>报送材料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="81"/>
        <source>Produced by</source>
        <translation>生成方式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="82"/>
        <location filename="../../ui/pages/reports.py" line="356"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="82"/>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="91"/>
        <source>Print checklist…</source>
        <translation>打印清单…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="93"/>
        <source>Save the notice and its items, with a box for each, as a PDF to print</source>
        <translation>将通知及其报送材料（每项带勾选框）存为 PDF 以便打印</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="97"/>
        <source>Notices to the studios…</source>
        <translation>下发通知…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="99"/>
        <source>Write a notice and send it to the studios on a USB stick as a signed notice package</source>
        <translation>写通知，并签名后用 U 盘下发给各工作室</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="138"/>
        <source>Choose a notice to see its required items.</source>
        <translation>选择一份通知，查看其报送材料。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="142"/>
        <source>due %1</source>
        <translation>%1截止</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="166"/>
        <source>Fill the form…</source>
        <translation>填写表单…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="167"/>
        <source>Open in Reports</source>
        <translation>在报表中打开</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="186"/>
        <source>Tick a required item</source>
        <translation>勾选报送材料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="235"/>
        <source>Save the checklist</source>
        <translation>保存报送清单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="244"/>
        <source>Writing the checklist…</source>
        <translation>正在生成报送清单…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="257"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notices.py" line="263"/>
        <source>Print checklist</source>
        <translation>打印清单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="366"/>
        <source>Generating</source>
        <translation>正在生成</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="380"/>
        <source>Cancelled; nothing was kept.</source>
        <translation>已取消，未保留任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="394"/>
        <source>Choose a document on the left and press Generate. It is shown here before anything is saved.</source>
        <translation>在左侧选择要生成的文档，然后点击“生成”。生成的文档先在这里预览，确认后再另存。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="405"/>
        <source>The workbook “%1” is ready. Save it to open it in Excel or WPS.</source>
        <translation>工作簿“%1”已生成。请另存后用 Excel 或 WPS 打开。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="413"/>
        <source>The document was written but cannot be shown.</source>
        <translation>文档已生成，但无法预览。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="415"/>
        <source>%1 — %2 pages</source>
        <translation>%1 — 共 %2 页</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="422"/>
        <source>Score %1 of %2: met %3, partly met %4, not met %5.</source>
        <translation>自评得分 %1 / %2 分：达到 %3 项，部分达到 %4 项，未达到 %5 项。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="427"/>
        <source>Eligible.</source>
        <translation>结论：符合条件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="427"/>
        <source>Not yet eligible.</source>
        <translation>结论：尚不符合条件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="429"/>
        <source>Grade: %1.</source>
        <translation>等级：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="431"/>
        <source>✓ Met</source>
        <translation>✓ 达到</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="431"/>
        <source>◐ Partly met</source>
        <translation>◐ 部分达到</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="431"/>
        <source>✗ Not met</source>
        <translation>✗ 未达到</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="444"/>
        <source>Evidence:</source>
        <translation>佐证记录：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="456"/>
        <source>Save the report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="51"/>
        <source>The list could not be written to “%1”: %2. If the file is open in Excel or WPS, close it first, or choose another name or folder, and try again.</source>
        <translation>列表无法写入“%1”：%2。如果该文件正在 Excel 或 WPS 中打开，请先关闭它，或换一个文件名或文件夹，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="54"/>
        <source>The list could not be written to “%1”: %2.</source>
        <translation>列表无法写入“%1”：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="64"/>
        <source>Print the list</source>
        <translation>打印列表</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="117"/>
        <location filename="../../ui/dialogs/formfields.py" line="79"/>
        <location filename="../../ui/dialogs/listexport.py" line="73"/>
        <location filename="../../ui/dialogs/noticepkg.py" line="86"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="93"/>
        <source>The printer could not be started. Check that it is switched on and connected, or save the list as a PDF and print that.</source>
        <translation>无法启动打印机。请检查打印机是否已开机并连接，或将列表另存为 PDF 后再打印。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="98"/>
        <source>Save the list</source>
        <translation>保存列表</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="99"/>
        <location filename="../../ui/pages/reports.py" line="457"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="136"/>
        <source>Export list…</source>
        <translation>导出列表…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="137"/>
        <source>Export or print the records shown, with the filter, in the shown order, with their totals</source>
        <translation>导出或打印当前显示的记录（按当前筛选和排序，含合计）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="141"/>
        <source>Excel workbook (.xlsx)…</source>
        <translation>Excel 工作簿（.xlsx）…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="143"/>
        <source>CSV file (.csv)…</source>
        <translation>CSV 文件（.csv）…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="145"/>
        <source>Print the list…</source>
        <translation>打印列表…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="176"/>
        <location filename="../../ui/dialogs/listexport.py" line="227"/>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="182"/>
        <source>Writing “%1”…</source>
        <translation>正在写入“%1”…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fillform.py" line="238"/>
        <location filename="../../ui/dialogs/listexport.py" line="192"/>
        <location filename="../../ui/pages/reports.py" line="458"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="121"/>
        <source>File format</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="125"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="297"/>
        <source>PDF (for printing)</source>
        <translation>PDF（用于打印）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="297"/>
        <source>Word document (editable)</source>
        <translation>Word 文档（可编辑）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="298"/>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="409"/>
        <source>The Word document “%1” is ready. Save it to edit it in Word or WPS.</source>
        <translation>Word 文档“%1”已生成。请保存，然后用 Word 或 WPS 编辑。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="192"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="182"/>
        <location filename="../../ui/dialogs/listexport.py" line="194"/>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/listexport.py" line="214"/>
        <source>The list was exported to “%1”.</source>
        <translation>列表已导出到“%1”。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="471"/>
        <source>The report could not be saved as “%1”: %2. Choose another folder, or free some space, and try again.</source>
        <translation>无法保存为“%1”：%2。请换一个文件夹，或清理磁盘空间后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reportparts.py" line="91"/>
        <source>Not printed</source>
        <translation>未能打印</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="482"/>
        <source>The printer could not be started. Check that it is switched on and connected, or save the report as a PDF and print that.</source>
        <translation>无法启动打印机。请检查打印机是否已开机并连接好，或者先另存为 PDF 再打印。</translation>
    </message>
    <message>
        <location filename="../../ui/system/drives.py" line="57"/>
        <source>USB stick / removable</source>
        <translation>U盘/可移动磁盘</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="291"/>
        <location filename="../../ui/system/drives.py" line="57"/>
        <source>Local disk</source>
        <translation>本机磁盘</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange.py" line="324"/>
        <location filename="../../ui/system/drives.py" line="73"/>
        <source>%1 free</source>
        <translation>可用 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="100"/>
        <source>Not rated</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionlayout.py" line="151"/>
        <source>No records</source>
        <translation>没有记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionlayout.py" line="153"/>
        <source>%1 warning(s)</source>
        <translation>%1 条提醒</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="174"/>
        <source>%1 studios</source>
        <translation>%1工作室（个）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="176"/>
        <source>Studios of %1</source>
        <translation>%1工作室（个）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="96"/>
        <source>Import packages…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="98"/>
        <source>Import the data packages the studios sent (several at once)</source>
        <translation>导入各工作室报送的数据包（可一次选择多个）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="101"/>
        <source>From a USB stick</source>
        <translation>从U盘导入</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="251"/>
        <source>Targets are kept in %1.</source>
        <translation>目标保存在 %1 中。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="50"/>
        <source>The ledger needs your help</source>
        <translation>台账需要您处理</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="57"/>
        <source>The ledger file is missing or empty, but there are backups of it.</source>
        <translation>台账文件不见了或是空的，但它有备份。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="59"/>
        <source>The ledger file is damaged. The program has not changed it.</source>
        <translation>台账文件已损坏。程序没有改动它。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="66"/>
        <source>File: %1
What is wrong: %2</source>
        <translation>文件：%1
问题：%2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="70"/>
        <source>Choose a backup to go back to. The ledger will hold exactly what it held when that backup was made. The current file is kept as it is in the folder “aside” of the data folder; nothing is deleted.</source>
        <translation>请选择要恢复的备份。恢复后，台账的内容与做这个备份时完全相同。现在的文件会原样保存在数据文件夹的“aside”文件夹中，不会删除任何东西。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="77"/>
        <location filename="../../ui/pages/union.py" line="126"/>
        <location filename="../../ui/pages/unionoffices.py" line="136"/>
        <source>Studios</source>
        <translation>工作室</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="84"/>
        <source>(cannot be read)</source>
        <translation>（无法读取）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="86"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="105"/>
        <source>Restore this one</source>
        <translation>恢复这个备份</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="116"/>
        <location filename="../../ui/dialogs/recovery.py" line="178"/>
        <source>Start an empty ledger</source>
        <translation>新建空台账</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="179"/>
        <source>Start with an empty ledger? The backups stay in the data folder, and you can restore one later from File ▸ Restore from a backup.</source>
        <translation>要从一个空台账开始吗？备份仍保留在数据文件夹中，以后可以在“文件 ▸ 从备份恢复”中恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="202"/>
        <source>The ledger was restored from the backup “%1”.</source>
        <translation>已从备份“%1”恢复台账。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery.py" line="204"/>
        <source>The previous file was kept, unchanged, as:</source>
        <translation>原来的文件已原样保存为：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="143"/>
        <location filename="../../ui/pages/unioncards.py" line="104"/>
        <source>Double-click a studio to open its ledger</source>
        <translation>双击工作室可打开它的台账</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="151"/>
        <source>There are no studios in this ledger yet. Import the data packages the studios sent to see them here.</source>
        <translation>本台账还没有工作室。导入各工作室报送的数据包后，它们会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="212"/>
        <source>City totals against the targets</source>
        <translation>全市合计与目标</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="199"/>
        <source>Edit targets…</source>
        <translation>设置年度目标…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="201"/>
        <source>Set the targets of the year this page shows</source>
        <translation>设置本页所示年度的目标</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="181"/>
        <source>Without a party organisation</source>
        <translation>未建立党组织</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionlayout.py" line="162"/>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflicts.py" line="75"/>
        <location filename="../../ui/pages/unionlayout.py" line="167"/>
        <source>Package</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="92"/>
        <source>Not provided: %1</source>
        <translation>未提供：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionlayout.py" line="166"/>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="354"/>
        <source>Union overview %1</source>
        <translation>%1单位汇总</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="351"/>
        <source>%1 studios, %2 of them imported from their data packages</source>
        <translation>共 %1 个工作室，其中 %2 个从数据包导入</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="86"/>
        <location filename="../../ui/pages/unioncards.py" line="89"/>
        <source>Reviews and removed plaques</source>
        <translation>命名复审与摘牌</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="90"/>
        <location filename="../../ui/pages/unionoffices.py" line="62"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="90"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="90"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="106"/>
        <source>Office…</source>
        <translation>工会设置…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="109"/>
        <source>Forward up…</source>
        <translation>转报上级工会…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="110"/>
        <location filename="../../ui/pages/unionoffices.py" line="111"/>
        <location filename="../../ui/pages/unionoffices.py" line="117"/>
        <location filename="../../ui/pages/unionoffices.py" line="119"/>
        <source>Forward to the office above</source>
        <translation>转报上级工会</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="114"/>
        <source>Columns…</source>
        <translation>列…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="116"/>
        <source>Choose the figures the union summary shows</source>
        <translation>选择单位汇总显示哪些指标</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="313"/>
        <source>Adding up the figures of %1 studios…</source>
        <translation>正在汇总 %1 个工作室的数字…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="334"/>
        <source>The figures could not be added up: %1</source>
        <translation>数字未能汇总：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="339"/>
        <source>Union overview</source>
        <translation>单位汇总</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="356"/>
        <source>Union overview, statistics year %1</source>
        <translation>%1 统计年度单位汇总</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="358"/>
        <source>Statistics year %1 (%2 to %3)</source>
        <translation>%1 统计年度（%2 至 %3）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="361"/>
        <source>all years are selected; showing the current year</source>
        <translation>已选择全部年份，显示本年度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="369"/>
        <source>Some chosen columns are unknown to this version and were skipped: %1</source>
        <translation>以下选定的列此版本中没有，已略过：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionlayout.py" line="187"/>
        <location filename="../../ui/pages/uniontable.py" line="211"/>
        <source>Package No. %1</source>
        <translation>第 %1 号数据包</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="209"/>
        <source>Entered in this ledger, not imported</source>
        <translation>在本台账中录入，不是导入的</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="289"/>
        <source>Total: %1</source>
        <translation>合计：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="228"/>
        <source>%1 of %2 met</source>
        <translation>已完成 %1 / %2 项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="234"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="411"/>
        <source>%1 of %2 covered</source>
        <translation>已覆盖 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="419"/>
        <source>Every studio at %1 level or above has a party organisation.</source>
        <translation>%1的工作室都已建立党组织。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="122"/>
        <source>Due for review (%1)</source>
        <translation>复审到期（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="123"/>
        <source>Plaque removed or revoked (%1)</source>
        <translation>摘牌或撤销（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="137"/>
        <source>Named on %1</source>
        <translation>命名日期：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="138"/>
        <source>Document no. %1</source>
        <translation>文件号：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="149"/>
        <source>%1 due · %2 removed</source>
        <translation>复审到期 %1 · 摘牌或撤销 %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="151"/>
        <source>No naming is due for review, and no plaque was removed or name revoked, in this year.</source>
        <translation>本年度没有到期复审的命名，也没有摘牌或撤销的工作室。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="210"/>
        <source>Province totals against the targets</source>
        <translation>全省合计与目标</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="214"/>
        <source>District totals against the targets</source>
        <translation>全区（县）合计与目标</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="215"/>
        <source>Totals against the targets</source>
        <translation>合计与目标</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionlayout.py" line="200"/>
        <source>Open conflicts: %1</source>
        <translation>待核对的冲突：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionlayout.py" line="204"/>
        <source>Records that came with the same version but other content than the ledger&apos;s; they were kept, not applied.</source>
        <translation>数据包中的记录与本台账版本相同但内容不同；已保留待核对，没有应用。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionlayout.py" line="206"/>
        <source>Click to review them.</source>
        <translation>点击核对并处理。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/union.py" line="479"/>
        <source>No drives found</source>
        <translation>没有找到磁盘</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/yearstart.py" line="44"/>
        <source>Statistics year</source>
        <translation>统计年度</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/yearstart.py" line="47"/>
        <source>The statistics year is the twelve months that every figure, document and yearly target of this ledger counts. Most unions count the calendar year (1 January to 31 December); some count from 1 October to 30 September of the next year. A statistics year is named after the year it ends in: starting in October, statistics year 2025 runs from 2024-10-01 to 2025-09-30. The year of a plan, a benefit or an honour is the statistics year.

Records already entered are not changed; only the year they are counted in follows the setting. It applies to the whole ledger (at a union office, to its summary of every studio). Set it as your union asks.</source>
        <translation>统计年度是本台账所有统计数字、文件和年度目标所计算的十二个月。多数工会按公历年度统计（1 月 1 日至 12 月 31 日）；有的工会从 10 月 1 日统计到次年 9 月 30 日。统计年度以它结束的年份命名：从 10 月开始时，“2025 统计年度”是 2024-10-01 至 2025-09-30。年度计划、经济效益、荣誉中填写的“年度”都指统计年度。

已录入的记录不会改变，改变的只是它们计入哪个年度。设置对整个台账有效（在工会经办端，对所有工作室的汇总有效）。请按所在工会的要求设置。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/yearstart.py" line="61"/>
        <source>Statistics year starts in</source>
        <translation>统计年度起始月</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/yearstart.py" line="70"/>
        <source>Statistics year starts in:</source>
        <translation>统计年度起始月：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/yearstart.py" line="83"/>
        <source>This ledger is read-only, so the setting cannot be changed here:</source>
        <translation>台账是只读的，这里不能更改设置：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/yearstart.py" line="104"/>
        <source>With this setting, %1 runs from %2 to %3.</source>
        <translation>按此设置，%1是 %2 至 %3。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/yearstart.py" line="126"/>
        <source>Not changed</source>
        <translation>未更改</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/leader.py" line="56"/>
        <location filename="../../ui/dialogs/leader.py" line="113"/>
        <location filename="../../ui/pages/members.py" line="73"/>
        <location filename="../../ui/pages/members.py" line="97"/>
        <location filename="../../ui/pages/members.py" line="129"/>
        <location filename="../../ui/pages/members.py" line="135"/>
        <source>Change leader</source>
        <translation>更换领衔人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/leader.py" line="63"/>
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/leader.py" line="67"/>
        <location filename="../../ui/dialogs/leader.py" line="99"/>
        <source>New leader</source>
        <translation>新领衔人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/leader.py" line="81"/>
        <location filename="../../ui/dialogs/leader.py" line="100"/>
        <source>Date of the change</source>
        <translation>更换日期</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/leader.py" line="88"/>
        <source>The former leader becomes a core member, the leader history records this change, and the documents of earlier years still name the former leader.</source>
        <translation>原领衔人改为骨干，领衔人沿革记下这次更换，以往年度的材料仍写原领衔人。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/leader.py" line="98"/>
        <source>Current leader</source>
        <translation>现任领衔人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/leader.py" line="162"/>
        <source>Leader not changed</source>
        <translation>领衔人未更换</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/editors.py" line="121"/>
        <source>e.g. 2025-03-05</source>
        <translation>如 2025-03-05</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/editors.py" line="130"/>
        <source>Pick a date from the calendar</source>
        <translation>从日历中选择日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/listfooter.py" line="29"/>
        <source>Income total</source>
        <translation>收入合计</translation>
    </message>
    <message>
        <location filename="../../ui/pages/listfooter.py" line="30"/>
        <source>Expense total</source>
        <translation>支出合计</translation>
    </message>
    <message>
        <location filename="../../ui/pages/listfooter.py" line="30"/>
        <source>Balance</source>
        <translation>结余</translation>
    </message>
    <message>
        <location filename="../../ui/pages/listfooter.py" line="39"/>
        <source>%1 (10k yuan)</source>
        <translation>%1 万元</translation>
    </message>
    <message>
        <location filename="../../ui/pages/listfooter.py" line="41"/>
        <source>%1 sessions</source>
        <translation>%1 场</translation>
    </message>
    <message>
        <location filename="../../ui/pages/listfooter.py" line="43"/>
        <source>%1 person-times</source>
        <translation>%1 人次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/listfooter.py" line="45"/>
        <source>%1 hours</source>
        <translation>%1 学时</translation>
    </message>
    <message>
        <location filename="../../ui/pages/listfooter.py" line="115"/>
        <location filename="../../ui/pages/listfooter.py" line="157"/>
        <source>Totals of the records shown</source>
        <translation>当前显示记录的合计</translation>
    </message>
    <message>
        <location filename="../../ui/pages/listfooter.py" line="195"/>
        <source>Totals of the %1 records shown</source>
        <translation>当前显示的 %1 条记录的合计</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unsaved.py" line="27"/>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unsaved.py" line="24"/>
        <source>Discard the changes you made?</source>
        <translation>放弃所做的修改？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="46"/>
        <source>Targets of %1</source>
        <translation>%1目标</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="53"/>
        <source>Totals of the year</source>
        <translation>全年总量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="55"/>
        <source>Training person-times</source>
        <translation>培训人次</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="56"/>
        <source>Technical innovations and breakthroughs</source>
        <translation>技术创新和攻关成果（项）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="57"/>
        <source>Innovation results, all kinds</source>
        <translation>创新成果总数（项）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="58"/>
        <source>Patents</source>
        <translation>专利</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="63"/>
        <source>Party organisation</source>
        <translation>党组织</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="68"/>
        <source>%1 and above</source>
        <translation>%1及以上</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="71"/>
        <source>Studios counted</source>
        <translation>统计的工作室</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="72"/>
        <source>Coverage (%)</source>
        <translation>覆盖率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="74"/>
        <source>Studios by level</source>
        <translation>各级别工作室数（个）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="84"/>
        <source>Studios by host unit</source>
        <translation>各单位工作室数（个）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="108"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="112"/>
        <source>An empty field sets no target. The comparison on the union overview uses these targets at once.</source>
        <translation>留空表示不设该项目标。保存后，单位汇总页的目标对比立即按新目标计算。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="130"/>
        <source>not set</source>
        <translation>未设</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="184"/>
        <source>Cannot edit the targets</source>
        <translation>无法设置目标</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/targets.py" line="185"/>
        <source>Repair or move the file away, then try again.</source>
        <translation>请修复该文件或将其移走后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/textlimit.py" line="64"/>
        <source>%1 too many · %2</source>
        <translation>多 %1 字 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unsaved.py" line="23"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unsaved.py" line="28"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paste.py" line="106"/>
        <source>Other problems</source>
        <translation>其他问题</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="205"/>
        <location filename="../../ui/dialogs/paste.py" line="109"/>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paste.py" line="125"/>
        <location filename="../../ui/pages/tableclip.py" line="133"/>
        <source>Paste %1 from a spreadsheet</source>
        <translation>从表格粘贴%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paste.py" line="128"/>
        <source>%1 rows can be added, %2 rows have errors</source>
        <translation>可添加 %1 行，%2 行有错误</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paste.py" line="133"/>
        <source>Not imported: %1</source>
        <translation>不导入的列：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paste.py" line="142"/>
        <source>Rows with an error are not added: their cells are red, and pointing at a cell tells why. Ctrl+Z undoes the whole paste.</source>
        <translation>有错误的行不会添加：出错的单元格显示为红色，鼠标指向单元格可看到原因。添加后按 Ctrl+Z 可撤销整次粘贴。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/paste.py" line="153"/>
        <source>Add %1 rows</source>
        <translation>添加 %1 行</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tableclip.py" line="84"/>
        <source>%1 rows copied: they paste into Excel or WPS as cells.</source>
        <translation>已复制 %1 行，可直接粘贴到 Excel 或 WPS 表格中。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tableclip.py" line="113"/>
        <source>Cannot paste</source>
        <translation>无法粘贴</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tableclip.py" line="131"/>
        <source>Nothing was added</source>
        <translation>未添加任何记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tableclip.py" line="119"/>
        <source>Paste %1 rows of %2</source>
        <translation>粘贴 %1 行%2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tableclip.py" line="125"/>
        <source>%1 records added. Ctrl+Z removes them all.</source>
        <translation>已添加 %1 条记录，按 Ctrl+Z 可全部撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/excelimport.py" line="351"/>
        <location filename="../../ui/pages/tableclip.py" line="134"/>
        <source>Adding the rows…</source>
        <translation>正在添加记录…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tableclip.py" line="159"/>
        <source>Copy rows</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tableclip.py" line="162"/>
        <source>Paste rows from Excel/WPS…</source>
        <translation>从 Excel/WPS 粘贴…</translation>
    </message>
    <message>
        <location filename="../../ui/system/tasks.py" line="115"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="76"/>
        <source>Laomo Desktop</source>
        <translation>劳模创新工作室台账</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/formfields.py" line="35"/>
        <source>Form fields</source>
        <translation>表单字段说明</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/formfields.py" line="38"/>
        <source>Type these placeholders into a Word or Excel form. A value: {{ 工作室.名称 }}. A table row repeated for each record: a row holding {%tr for x in 创新成果 %}, then the row with {{ x.成果名称 }} and the other fields, then a row holding {%tr endfor %}. In Excel the same three rows work. Conditions: {% if … %} … {% endif %}.</source>
        <translation>把下列占位符写进 Word 或 Excel 表单。填一个值：{{ 工作室.名称 }}。表格中按每条记录重复一行：一行写 {%tr for x in 创新成果 %}，下一行写 {{ x.成果名称 }} 等字段，再一行写 {%tr endfor %}；Excel 表单同样用这三行。按条件填写：{% if … %} … {% endif %}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/formfields.py" line="50"/>
        <source>Search placeholders and meanings</source>
        <translation>搜索占位符或含义</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/formfields.py" line="55"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/formfields.py" line="55"/>
        <source>Placeholder</source>
        <translation>占位符</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/formfields.py" line="55"/>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/formfields.py" line="56"/>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/formfields.py" line="76"/>
        <source>Copy the placeholder</source>
        <translation>复制占位符</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/formfields.py" line="104"/>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/noticeline.py" line="32"/>
        <source>Open the notice and its required items</source>
        <translation>打开通知及其报送材料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/noticeline.py" line="51"/>
        <source>(%1 more open notices)</source>
        <translation>（另有 %1 份未办结的通知）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/officeimport.py" line="42"/>
        <source>Import an office package</source>
        <translation>导入工会数据包</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="48"/>
        <location filename="../../ui/dialogs/officeimport.py" line="44"/>
        <source>%1 (%2 level)</source>
        <translation>%1（%2级）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/officeimport.py" line="50"/>
        <source>Office package No. %1 for the year %2, made %3 · %4 studios · %5</source>
        <translation>%2 年度第 %1 号工会数据包，生成于 %3 · 工作室 %4 个 · %5</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="45"/>
        <source>Import a notice from the union office</source>
        <translation>导入工会下发的通知</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="55"/>
        <source>%1 · due %2 · into %3 · %4</source>
        <translation>%1 · %2截止 · 导入到 %3 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="67"/>
        <source>Required item or attached file</source>
        <translation>报送材料或附件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="73"/>
        <source>attached file</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="80"/>
        <location filename="../../ui/dialogs/officeimport.py" line="77"/>
        <source>I confirmed this fingerprint with the office (by phone or on paper)</source>
        <translation>我已与该工会核对过这个指纹（电话或纸面）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="83"/>
        <location filename="../../ui/dialogs/officeimport.py" line="80"/>
        <source>Replace the registered key with this new one (I confirmed the new fingerprint with the office)</source>
        <translation>用这个新密钥替换登记的密钥（我已与该工会核对过新指纹）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="90"/>
        <location filename="../../ui/dialogs/officeimport.py" line="96"/>
        <source>✓ Signed with the key registered for this office (%1).</source>
        <translation>✓ 由本台账为该工会登记的密钥签名（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="92"/>
        <location filename="../../ui/dialogs/officeimport.py" line="98"/>
        <source>This is the first package from this office. Before importing, call the office and compare its signing-key fingerprint with this one:</source>
        <translation>这是该工会的第一个数据包。导入前请给该工会打电话，核对其签名密钥指纹是否与下面的一致：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="94"/>
        <location filename="../../ui/dialogs/officeimport.py" line="100"/>
        <source>The signing key of this office has CHANGED. Call the office and compare the new fingerprint before importing.</source>
        <translation>该工会的签名密钥已经改变。导入前请给该工会打电话核对新指纹。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="125"/>
        <source>Notices to the studios</source>
        <translation>下发给工作室的通知</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="128"/>
        <source>Due on</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="128"/>
        <source>Document no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="128"/>
        <source>Title</source>
        <translation>通知标题</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="129"/>
        <source>Version</source>
        <translation>版次</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="129"/>
        <source>Sent</source>
        <translation>发送情况</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="135"/>
        <source>New notice…</source>
        <translation>新建通知…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="138"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="140"/>
        <source>Attach files…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="143"/>
        <source>Send to the studios (USB stick)…</source>
        <translation>下发给工作室（U 盘）…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="160"/>
        <source>Write a notice, attach the notice file and the union&apos;s forms, then send it to the studios on a USB stick as a signed notice package. A studio that imports a newer version keeps its ticks.</source>
        <translation>写好通知，附上通知正文和工会表单，签名后用 U 盘下发给各工作室。工作室导入新版本时，已勾选完成的材料会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="180"/>
        <source>version %1</source>
        <translation>已发送第 %1 版</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="181"/>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="199"/>
        <source>Attached: %1</source>
        <translation>附件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="223"/>
        <source>Attach the notice file and forms</source>
        <translation>选择通知正文和表单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="235"/>
        <source>Choose the USB stick</source>
        <translation>选择 U 盘</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="238"/>
        <source>Send the notice</source>
        <translation>下发通知</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="238"/>
        <source>Writing the notice package…</source>
        <translation>正在写入通知数据包…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="241"/>
        <source>Not written</source>
        <translation>未写入</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/noticepkg.py" line="247"/>
        <source>Written and read back: %1</source>
        <translation>已写入并回读校验：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionoffices.py" line="48"/>
        <source>Office settings</source>
        <translation>工会设置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionoffices.py" line="61"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionoffices.py" line="63"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionoffices.py" line="69"/>
        <source>Signing-key fingerprint of this office (the office above compares it before its first import):</source>
        <translation>本工会的签名密钥指纹（上级工会首次导入前核对）：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionoffices.py" line="105"/>
        <source>Office package No. %1 written and read back: %2 studio package(s). You can remove the USB stick now.</source>
        <translation>第 %1 号工会数据包已写入并回读校验：含工作室数据包 %2 个。现在可以安全拔出 U 盘。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionoffices.py" line="109"/>
        <source>Not forwarded (their packages are not kept here; import them again): %1</source>
        <translation>未能转报（本机没有保存它们的数据包，请重新导入）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionoffices.py" line="119"/>
        <source>Writing the office package…</source>
        <translation>正在写入工会数据包…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionoffices.py" line="132"/>
        <source>By office below</source>
        <translation>按下级工会</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionoffices.py" line="136"/>
        <source>Office</source>
        <translation>工会</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionoffices.py" line="136"/>
        <source>Person-times</source>
        <translation>培训人次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionoffices.py" line="137"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionoffices.py" line="157"/>
        <source>Imported directly or entered here</source>
        <translation>直接导入或本台账录入</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionoffices.py" line="167"/>
        <source>%1 studio(s) came by two or more paths and are counted once.</source>
        <translation>%1 个工作室经两个或更多途径报来，只计一次。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unionoffices.py" line="170"/>
        <source>%1: the paths (%2) carried different content for this year; the ledger holds the newer records of each.</source>
        <translation>%1：各途径（%2）报来的本年度内容不同；台账中保留每条记录较新的版本。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/recordpick.py" line="35"/>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/recordpick.py" line="40"/>
        <source>No %1 recorded yet</source>
        <translation>尚未登记%1</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="48"/>
        <source>Training sessions</source>
        <translation>培训场次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="49"/>
        <source>Training person-times</source>
        <translation>培训人次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="50"/>
        <source>Innovation results</source>
        <translation>创新成果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="51"/>
        <source>Patents</source>
        <translation>专利</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="52"/>
        <source>Economic benefit (10k yuan)</source>
        <translation>经济效益（万元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="53"/>
        <source>Fund balance</source>
        <translation>经费结余</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="59"/>
        <source>Go to the plans to make this year&apos;s plan</source>
        <translation>到年度计划中制定本年度计划</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="60"/>
        <source>Open the mentoring pair</source>
        <translation>打开这对师徒结对</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="61"/>
        <source>Export a data package for the union</source>
        <translation>导出报送工会的数据包</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="62"/>
        <source>Open the studio&apos;s namings</source>
        <translation>打开工作室的命名表彰</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="146"/>
        <source>Targets of the year</source>
        <translation>年度目标完成情况</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="151"/>
        <source>Self-assessment</source>
        <translation>自评</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="154"/>
        <source>Score the year against an assessment template on the Reports page</source>
        <translation>在“报表”页按评分模板为本年度自评打分</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="161"/>
        <source>Latest entries</source>
        <translation>最近记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="237"/>
        <source>No studio is selected. Create or choose a studio to see its overview.</source>
        <translation>尚未选择工作室。请新建或选择一个工作室查看概况。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="255"/>
        <source>Overview of %1</source>
        <translation>%1概况</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="257"/>
        <source>Overview of %1 (all years are selected; showing the current year)</source>
        <translation>%1概况（已选择全部年度，显示本年度）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="288"/>
        <source>As of %1:</source>
        <translation>截至 %1：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="290"/>
        <source>not named</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="292"/>
        <source>Level: %1</source>
        <translation>命名级别：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="293"/>
        <location filename="../../ui/pages/dashboard.py" line="301"/>
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="294"/>
        <source>Leader: %1</source>
        <translation>领衔人：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="295"/>
        <source>Party organisation: %1</source>
        <translation>党组织：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="306"/>
        <source>%1, due this year</source>
        <translation>%1，本年度复审</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="311"/>
        <source>Next review: %1</source>
        <translation>下次复审：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="320"/>
        <source>%1 of %2 met</source>
        <translation>已完成 %1 / %2 项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="325"/>
        <source>There is no plan for %1 yet, so there are no targets to measure against.</source>
        <translation>%1还没有年度计划，因此没有可对照的目标。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="328"/>
        <source>Make the yearly plan</source>
        <translation>制定年度计划</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="332"/>
        <source>The plan for %1 has no targets yet.</source>
        <translation>%1计划还没有填写目标。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="335"/>
        <source>Open the plan</source>
        <translation>打开年度计划</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="346"/>
        <source>Done %1 / target %2</source>
        <translation>完成 %1 / 目标 %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="385"/>
        <source>%1 of %2 in place</source>
        <translation>已具备 %1 / %2 项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="390"/>
        <source>In place</source>
        <translation>已具备</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="392"/>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="411"/>
        <source>Go and complete</source>
        <translation>去完善</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="413"/>
        <source>Open the place where this is recorded</source>
        <translation>打开登记此项的位置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="58"/>
        <source>Open the meeting</source>
        <translation>打开会议记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="148"/>
        <location filename="../../ui/pages/dashboard.py" line="374"/>
        <source>Must-haves</source>
        <translation>必有项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="159"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="303"/>
        <location filename="../../ui/pages/dashboard.py" line="449"/>
        <source>%1, overdue</source>
        <translation>%1，已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="429"/>
        <source>No reminders.</source>
        <translation>暂无提醒</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="451"/>
        <source>No due date</source>
        <translation>无期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="462"/>
        <source>Nothing has been entered yet.</source>
        <translation>还没有任何记录。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="56"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="57"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="58"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="59"/>
        <source>Stale</source>
        <translation>较旧</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/imports.py" line="60"/>
        <source>Conflicting</source>
        <translation>冲突</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <location filename="../../ui/pages/sections.py" line="42"/>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sections.py" line="44"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sections.py" line="45"/>
        <source>Union overview</source>
        <translation>单位汇总</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sections.py" line="46"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sections.py" line="47"/>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
</context>
<context>
    <name>Union</name>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="36"/>
        <source>Studio</source>
        <translation>工作室</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="37"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="38"/>
        <source>Category</source>
        <translation>工作室类别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="39"/>
        <source>Party organisation</source>
        <translation>党组织</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="40"/>
        <source>Last package</source>
        <translation>最近数据包</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="41"/>
        <source>Came through</source>
        <translation>报送途径</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="42"/>
        <source>Projects</source>
        <translation>新立项课题</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="43"/>
        <source>Results</source>
        <translation>成果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="51"/>
        <source>Grants received (10k yuan)</source>
        <translation>获得补助资金（万元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="52"/>
        <source>Grants spent (10k yuan)</source>
        <translation>列支补助资金（万元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="163"/>
        <location filename="../../ui/pages/uniontable.py" line="44"/>
        <source>Technical innovations</source>
        <translation>技术创新</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="164"/>
        <location filename="../../ui/pages/uniontable.py" line="45"/>
        <source>Patents</source>
        <translation>专利</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="46"/>
        <source>Trainings</source>
        <translation>培训场次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="47"/>
        <source>Person-times</source>
        <translation>培训人次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="48"/>
        <source>New apprentices</source>
        <translation>新带徒（对）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/uniontable.py" line="49"/>
        <source>Benefit (10k yuan)</source>
        <translation>效益（万元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="161"/>
        <source>Party organisation coverage</source>
        <translation>党组织覆盖</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="162"/>
        <source>Training person-times</source>
        <translation>培训人次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unioncards.py" line="165"/>
        <source>Innovation results</source>
        <translation>创新成果</translation>
    </message>
</context>
<context>
    <name>Unit</name>
    <message>
        <location filename="../../ui/widgets/childlists.py" line="100"/>
        <location filename="../../ui/widgets/childlists.py" line="101"/>
        <source>items</source>
        <translation>项</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/childlists.py" line="102"/>
        <source>patents</source>
        <translation>件</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/childlists.py" line="103"/>
        <source>person-times</source>
        <translation>人次</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/childlists.py" line="104"/>
        <source>sessions</source>
        <translation>场</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/childlists.py" line="105"/>
        <location filename="../../ui/widgets/childlists.py" line="106"/>
        <source>persons</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/childlists.py" line="107"/>
        <source>10k yuan</source>
        <translation>万元</translation>
    </message>
</context>
</TS>
