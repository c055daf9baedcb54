"""`untether serve`: it prints its address, answers, warns when reachable from the network,
explains a busy port, and stops cleanly on SIGINT and SIGTERM."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from conftest import child_env, require_binary

URL_RE = re.compile(r"http://[^\s]+:(\d+)")


def start(args, tmp_path):
    out = open(tmp_path / "serve.out", "w+b")
    err = open(tmp_path / "serve.err", "w+b")
    process = subprocess.Popen(
        [str(require_binary()), "serve", *args],
        stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=child_env(), start_new_session=True,
    )
    return process, out, err


def wait_for_url(process, out, timeout=60.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        out.seek(0)
        match = URL_RE.search(out.read().decode("utf-8", "replace"))
        if match:
            return match.group(0)
        if process.poll() is not None:
            pytest.fail(f"serve exited early with {process.returncode}")
        time.sleep(0.1)
    pytest.fail("serve did not print its address in time")


def stop(process, sig=signal.SIGTERM, timeout=20.0) -> int:
    process.send_signal(sig)
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail(f"serve did not stop within {timeout} s of {sig.name}")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_prints_address_answers_and_stops_cleanly(tmp_path, sig):
    process, out, err = start(["--data-dir", tmp_path / "data", "--port", "0"], tmp_path)
    try:
        url = wait_for_url(process, out)
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url + "/welcome", timeout=10) as response:
            assert response.status == 200
            page = response.read().decode()
            assert "<title>Notes</title>" in page
            assert response.headers["Cache-Control"] == "no-store"
    finally:
        code = stop(process, sig)
    assert code == 0
    err.seek(0)
    log = err.read().decode()
    assert "route=/welcome" in log and "status=200" in log
    # A first visit that only looked does not create a vault.
    assert not (tmp_path / "data" / "vault.sqlite").exists()


def test_serve_warns_when_reachable_from_the_network(tmp_path):
    process, out, err = start(["--data-dir", tmp_path / "data", "--host", "0.0.0.0", "--port", "0"], tmp_path)
    try:
        wait_for_url(process, out)
    finally:
        assert stop(process) == 0
    err.seek(0)
    warning = err.read().decode()
    assert "other devices on your network can reach this page" in warning


def test_serve_explains_a_busy_port(tmp_path):
    holder = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    holder.bind(("127.0.0.1", 0))
    holder.listen(1)
    port = holder.getsockname()[1]
    try:
        process, out, err = start(["--data-dir", tmp_path / "data", "--port", str(port)], tmp_path)
        code = process.wait(timeout=30)
    finally:
        holder.close()
    err.seek(0)
    lines = [line for line in err.read().decode().splitlines() if line.startswith("untether: ")]
    assert code == 1
    assert any("could not start" in line and "--port" in line for line in lines)


def test_serve_refuses_a_bad_port(tmp_path):
    result = subprocess.run(
        [str(require_binary()), "serve", "--port", "70000", "--data-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=30, env=child_env(),
    )
    assert result.returncode != 0
    assert "between 0 and 65535" in result.stderr


def test_a_body_cut_off_mid_way_is_a_bad_request_not_a_server_fault(tmp_path):
    process, out, err = start(["--data-dir", tmp_path / "data", "--port", "0"], tmp_path)
    try:
        url = wait_for_url(process, out)
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            connection.sendall(
                b"POST /welcome HTTP/1.1\r\nHost: 127.0.0.1\r\nSec-Fetch-Site: same-origin\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ndisplay_na"
            )
            connection.shutdown(socket.SHUT_WR)
            try:
                while connection.recv(4096):
                    pass
            except OSError:
                pass
        # The request log line is written when the request ends; give it a moment.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            err.seek(0)
            if "method=POST" in err.read().decode():
                break
            time.sleep(0.1)
    finally:
        stop(process)
    err.seek(0)
    log = err.read().decode()
    assert "method=POST" in log and "status=400" in log, log
    assert "status=500" not in log and "unexpected error" not in log, log
