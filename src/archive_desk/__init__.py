"""ArchiveDesk 档案室桌面管理."""

__version__ = "0.1.0"
