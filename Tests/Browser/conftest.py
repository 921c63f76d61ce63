"""The browser suite's world: a real hub, two real node stores (CQC and NMC) enrolled with it,
people of every role, and `triangulate serve` on each — all through the built executables, as
a new user would set them up. Chromium (Debian's package) is driven by Selenium."""

import json
import os
import shutil
import subprocess
import tempfile
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

BIN = os.environ.get("TRIANGULATE_BIN_DIR", ".build/debug")
PASSWORD = "a long enough password"
PEOPLE = {
    "CQC": [("a.admin", "admin"), ("c.worker", "caseworker"), ("v.viewer", "viewer")],
    "NMC": [("n.admin", "admin"), ("C. Officer", "caseworker"), ("Someone Else", "approver")],
}


def run(*arguments, stdin=None):
    """Runs a built executable and returns its JSON output; fails the suite on an error."""
    result = subprocess.run(arguments, input=stdin, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{arguments}: {result.stderr}"
    return json.loads(result.stdout) if result.stdout.strip().startswith(("{", "[")) else result.stdout


def start(arguments, log):
    """Starts a server that prints its URL as its first JSON line; returns the process and URL."""
    process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=open(log, "w"), text=True)
    line = process.stdout.readline()
    return process, json.loads(line)["url"]


@pytest.fixture(scope="session")
def world():
    directory = tempfile.mkdtemp(prefix="triangulate-browser-")
    hub_store = os.path.join(directory, "hub.sqlite")
    operators = os.path.join(directory, "operators")
    run(f"{BIN}/triangulate-hub", "console", "add-operator", "ops.one", "--operators", operators, "--password-stdin", "--json",
        stdin=PASSWORD + "\n")
    hub = subprocess.Popen([f"{BIN}/triangulate-hub", "serve", "--store", hub_store, "--port", "0", "--json", "--log-level", "warning",
                            "--console-port", "0", "--console-operators", operators],
                           stdout=subprocess.PIPE, stderr=open(os.path.join(directory, "hub.log"), "w"), text=True)
    announced = {}
    while "url" not in announced or "console" not in announced:
        announced.update(json.loads(hub.stdout.readline()))
    hub_url, console_url = announced["url"], announced["console"]
    stores, servers, urls = {}, [], {}
    try:
        for org, people in PEOPLE.items():
            store = os.path.join(directory, f"{org}.sqlite")
            stores[org] = store
            token = run(f"{BIN}/triangulate-hub", "org", "add", org, "--name", f"{org} (browser suite)", "--store", hub_store,
                        "--json")["token"]
            admin = people[0][0]
            run(f"{BIN}/triangulate", "init", "--org", org, "--store", store, "--user", admin, "--json")
            run(f"{BIN}/triangulate", "enrol", "--hub", hub_url, "--token", token, "--store", store, "--user", admin, "--json")
            for name, role in people:
                run(f"{BIN}/triangulate", "user", "add", name, "--role", role, "--password-stdin", "--store", store,
                    "--user", admin, "--json", stdin=PASSWORD + "\n")
        for org in PEOPLE:
            process, url = start([f"{BIN}/triangulate", "serve", "--store", stores[org], "--port", "0", "--json"],
                                 os.path.join(directory, f"{org}-web.log"))
            servers.append(process)
            urls[org] = url
        yield {"directory": directory, "stores": stores, "urls": urls, "bin": BIN, "console": console_url}
    finally:
        for process in servers + [hub]:
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture()
def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600"]:
        options.add_argument(argument)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    driver_path = shutil.which("chromedriver")
    driver = webdriver.Chrome(options=options, service=Service(driver_path) if driver_path else None)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()
