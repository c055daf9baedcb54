"""`untether serve`: it prints its address, answers, warns when reachable from the network,
explains a busy port, and stops cleanly on SIGINT and SIGTERM."""

from __future__ import annotations

import hashlib
import re
import signal
import socket
import ssl
import stat
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


HTTPS_RE = re.compile(r"https://[^\s]+:(\d+)")
FINGERPRINT_RE = re.compile(r"Certificate fingerprint \(SHA-256\): ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})")


def wait_for_https(process, out, timeout=60.0) -> tuple[int, str]:
    """(port, fingerprint) once `serve` has printed both."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
        url, fingerprint = HTTPS_RE.search(text), FINGERPRINT_RE.search(text)
        if url and fingerprint:
            return int(url.group(1)), fingerprint.group(1)
        if process.poll() is not None:
            pytest.fail(f"serve exited early with {process.returncode}")
        time.sleep(0.1)
    pytest.fail("serve did not print an https address and a fingerprint in time")


def served_certificate_fingerprint(port: int) -> str:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw, context.wrap_socket(raw) as tls:
        der = tls.getpeercert(binary_form=True)
    return ":".join(f"{byte:02X}" for byte in hashlib.sha256(der).digest())


def unverified_https_get(port: int, path: str):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return urllib.request.urlopen(f"https://127.0.0.1:{port}{path}", timeout=10, context=context)


def test_serving_beyond_this_computer_is_https_with_a_fingerprint_to_compare(tmp_path):
    data = tmp_path / "data"
    process, out, err = start(["--data-dir", data, "--host", "0.0.0.0", "--port", "0"], tmp_path)
    try:
        port, fingerprint = wait_for_https(process, out)
        assert served_certificate_fingerprint(port) == fingerprint, "the printed fingerprint is the certificate served"
        with unverified_https_get(port, "/welcome") as response:
            assert response.status == 200
            assert "Secure" in response.headers["Set-Cookie"], "the session cookie never travels without TLS"
        # Plain HTTP on the same port gets no page.
        with pytest.raises(Exception):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/welcome", timeout=10).read()
    finally:
        assert stop(process) == 0
    err.seek(0)
    log = err.read().decode()
    assert "over HTTPS" in log and "not encrypted" not in log
    key = data / "tls" / "private-key.pem"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600, "the private key is readable by its owner only"
    assert stat.S_IMODE((data / "tls").stat().st_mode) == 0o700
    # The next start uses the same certificate, so a fingerprint checked once stays right.
    process, out, _ = start(["--data-dir", data, "--host", "0.0.0.0", "--port", "0"], tmp_path)
    try:
        assert wait_for_https(process, out)[1] == fingerprint
    finally:
        stop(process)
    # The same certificate and key, given by name, serve HTTPS on this computer too.
    process, out, _ = start(["--data-dir", tmp_path / "other", "--port", "0",
                             "--tls-cert", data / "tls" / "certificate.pem", "--tls-key", key], tmp_path)
    try:
        port, given = wait_for_https(process, out)
        assert given == fingerprint == served_certificate_fingerprint(port)
    finally:
        stop(process)


def test_plain_http_beyond_this_computer_only_when_asked_by_name_and_with_a_warning(tmp_path):
    process, out, err = start(["--data-dir", tmp_path / "data", "--host", "0.0.0.0", "--port", "0", "--insecure-http"], tmp_path)
    try:
        url = wait_for_url(process, out)
        port = int(url.rsplit(":", 1)[1])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/welcome", timeout=10) as response:
            assert response.status == 200
    finally:
        assert stop(process) == 0
    err.seek(0)
    warning = err.read().decode()
    assert "plain HTTP" in warning and "unencrypted" in warning
    assert not (tmp_path / "data" / "tls").exists(), "no certificate is made when it is not used"


@pytest.mark.parametrize("args, message", [
    (["--tls-cert", "cert.pem"], "together"),
    (["--tls-cert", "c.pem", "--tls-key", "k.pem", "--insecure-http"], "not both"),
    (["--tls-cert", "missing-cert.pem", "--tls-key", "missing-key.pem"], "could not be read"),
])
def test_tls_options_are_checked_with_a_clear_message(tmp_path, args, message):
    result = subprocess.run(
        [str(require_binary()), "serve", "--port", "0", "--data-dir", str(tmp_path), *args],
        capture_output=True, text=True, timeout=30, env=child_env(), cwd=tmp_path,
    )
    assert result.returncode != 0
    assert message in result.stderr, result.stderr


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
