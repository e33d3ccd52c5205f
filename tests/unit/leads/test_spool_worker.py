import threading

from clinic.leads.spool_worker import SpoolWorker, flush_interval


def test_spool_worker_keeps_going_after_a_failed_flush(caplog):
    failed_once = threading.Event()
    flushed_after_the_failure = threading.Event()

    def flush():
        if not failed_once.is_set():
            failed_once.set()
            raise RuntimeError("disk went away")
        flushed_after_the_failure.set()

    worker = SpoolWorker(flush, interval=0.01)
    worker.start()
    try:
        assert flushed_after_the_failure.wait(10)
    finally:
        worker.stop()
    assert "spool flush failed" in caplog.text


def test_flush_interval_is_a_minute_unless_configured(monkeypatch):
    monkeypatch.delenv("LEADS_SPOOL_FLUSH_SECONDS", raising=False)
    assert flush_interval() == 60
    monkeypatch.setenv("LEADS_SPOOL_FLUSH_SECONDS", "2.5")
    assert flush_interval() == 2.5
