<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CatalogueArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="39" />
        <source>Catalogue</source>
        <translation>案卷目录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="58" />
        <source>%n volume(s)</source>
        <translation><numerusform>共 %n 卷</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="28" />
        <source>ArchiveDesk — %1</source>
        <translation>档案室桌面管理 — %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="51" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="103" />
        <source>Scanned %1: not a known code</source>
        <translation>扫描到 %1：没有这个档号或条码</translation>
    </message>
</context>
<context>
    <name>VolumeTableModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="34" />
        <source>Archival code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="35" />
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="36" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="37" />
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="38" />
        <source>Security</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="39" />
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="40" />
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="41" />
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="42" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="43" />
        <source>Fonds</source>
        <translation>全宗</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="44" />
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="45" />
        <source>Responsible</source>
        <translation>责任者</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="46" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="36" />
        <source>ArchiveDesk</source>
        <translation>档案室桌面管理</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="46" />
        <source>ArchiveDesk: unexpected error</source>
        <translation>档案室桌面管理：意外错误</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="47" />
        <source>Something went wrong that should not have. Your catalogue is safe: the change in progress was not saved. Please copy the details for support.</source>
        <translation>程序出现了意外错误。您的目录数据是安全的：正在进行的修改没有保存。请复制详细信息并联系技术支持。</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="50" />
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
</TS>