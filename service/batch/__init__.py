"""Bulk extraction on Apache Spark: `python -m service batch-extract INPUT_DIR OUTPUT_DIR`.

The driver lists the inputs (`sources.py`), the executors run the very extraction code of
`python -m service extract` on each article (`records.py`, plain Python, testable without Spark),
and Spark writes JSON Lines part files (`job.py`) that `import-quotes` loads. Only `job.py`,
`session.py` and `progress.py` import pyspark, and only when the command runs.
"""
