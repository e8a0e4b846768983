"""Headless Chromium, driven through its ChromeDriver (Debian's chromium and chromium-driver)."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
MISSING = None if CHROMIUM and CHROMEDRIVER else "needs headless Chromium and ChromeDriver (apt-get install chromium chromium-driver)"


def open_browser(downloads: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1600"):
        options.add_argument(flag)
    options.binary_location = CHROMIUM
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def wait_for_file(folder: Path, pattern: str, seconds: float = 20) -> Path:
    deadline = time.monotonic() + seconds
    last_size = None
    while time.monotonic() < deadline:
        # Chrome may show the final name (empty) while the .crdownload is still being written:
        # a download is done when no partial file is left and its size held over one poll.
        partial = list(folder.glob("*.crdownload"))
        found = [p for p in folder.glob(pattern) if not p.name.endswith(".crdownload")]
        if found and not partial:
            size = found[0].stat().st_size
            if size and size == last_size:
                return found[0]
            last_size = size
        time.sleep(0.2)
    raise AssertionError(f"no {pattern} in {folder} after {seconds} s")
