"""Starting Spark for a batch run: Java checked first, the project's code shipped to the executors."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path

JAVA_HELP = (
    "batch-extract runs on Apache Spark, which needs Java 17 or newer: install a JRE"
    " (scripts/java.sh does it on Debian) or set JAVA_HOME"
)
SERVICE_ROOT = Path(__file__).resolve().parent.parent  # the `service` package


class SparkUnavailable(RuntimeError):
    """Spark cannot start here (no Java, or pyspark not installed); the message says what to do."""


def is_local(master: str) -> bool:
    """True for local[...] masters, whose executors are threads of this machine."""
    return master == "local" or master.startswith("local[")


def _java_found() -> bool:
    home = os.environ.get("JAVA_HOME")
    return bool(home and (Path(home) / "bin" / "java").exists()) or shutil.which("java") is not None


def _package_zip(folder: Path) -> Path:
    """The `service` package zipped, so executors on other machines import the driver's code."""
    target = folder / "claimtrace_service.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(SERVICE_ROOT.rglob("*.py")):
            archive.write(path, path.relative_to(SERVICE_ROOT.parent).as_posix())
    return target


@contextmanager
def spark_session(master: str, conf: dict[str, str] | None = None):
    """A SparkSession on `master` with the project's code on every executor, stopped afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="claimtrace-batch-"))
    try:
        session = _start(master, conf or {})
        try:
            session.sparkContext.addPyFile(str(_package_zip(folder)))
            yield session
        finally:
            session.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _start(master: str, conf: dict[str, str], app_name: str = "claimtrace batch-extract"):
    if not _java_found():
        raise SparkUnavailable(JAVA_HELP)
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise SparkUnavailable(
            f"pyspark is not installed ({error}): pip install -r requirements.txt"
        ) from None
    if is_local(master):
        # Local executors must run this interpreter (the one with the project's dependencies), and
        # a local run has no business listening on the machine's network addresses.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder.master(master).appName(app_name)
    settings = {"spark.ui.showConsoleProgress": "false"}  # batch-extract prints its own progress
    if is_local(master):
        settings["spark.driver.host"] = "127.0.0.1"
        settings["spark.driver.bindAddress"] = "127.0.0.1"
    settings.update(conf)
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        session = builder.getOrCreate()
    except Exception as error:  # py4j/pyspark raise plain exceptions when the JVM does not come up
        raise SparkUnavailable(f"Spark did not start on {master}: {error}") from error
    session.sparkContext.setLogLevel("WARN")
    return session
