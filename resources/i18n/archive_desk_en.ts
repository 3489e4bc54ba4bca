<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>CatalogueArea</name>
    <message>
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="39" />
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/archive_desk/ui/areas/catalogue.py" line="58" />
        <source>%n volume(s)</source>
        <translation><numerusform>%n volume</numerusform><numerusform>%n volumes</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="28" />
        <source>ArchiveDesk — %1</source>
        <translation>ArchiveDesk — %1</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="51" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/main_window.py" line="103" />
        <source>Scanned %1: not a known code</source>
        <translation>Scanned %1: not a known code</translation>
    </message>
</context>
<context>
    <name>VolumeTableModel</name>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="34" />
        <source>Archival code</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="35" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="36" />
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="37" />
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="38" />
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="39" />
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="40" />
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="41" />
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="42" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="43" />
        <source>Fonds</source>
        <translation>Fonds</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="44" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="45" />
        <source>Responsible</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/item_models/volume_table.py" line="46" />
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="36" />
        <source>ArchiveDesk</source>
        <translation>ArchiveDesk</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="46" />
        <source>ArchiveDesk: unexpected error</source>
        <translation>ArchiveDesk: unexpected error</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="47" />
        <source>Something went wrong that should not have. Your catalogue is safe: the change in progress was not saved. Please copy the details for support.</source>
        <translation>Something went wrong that should not have. Your catalogue is safe: the change in progress was not saved. Please copy the details for support.</translation>
    </message>
    <message>
        <location filename="../../src/archive_desk/ui/crash.py" line="50" />
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
</context>
</TS>