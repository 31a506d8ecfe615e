#!/usr/bin/env python3
"""Checks, against the running local S3 server, the S3 behaviour LakeCircle's tests rely on.

    scripts/local-s3.sh start && . <(scripts/local-s3.sh env) && scripts/local-s3-check.py

Prints one line per fact (PASS/FAIL/INFO) and the latency of a lifecycle GET on a kept-open connection.
Exit code 1 when an expected behaviour is missing. Uses a bucket of its own and deletes it at the end.
"""

import base64
import os
import statistics
import sys
import threading
import time
import uuid
import zlib

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from s3_probe import Client  # noqa: E402

LIFECYCLE = b"""<?xml version="1.0" encoding="UTF-8"?>
<LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Rule>
    <ID>archive-logs</ID>
    <Filter><Prefix>logs/</Prefix></Filter>
    <Status>Enabled</Status>
    <Transition><Days>30</Days><StorageClass>GLACIER</StorageClass></Transition>
    <Expiration><Days>365</Days></Expiration>
  </Rule>
</LifecycleConfiguration>"""

failures = []


def report(ok, what, detail=""):
    print(f"{'PASS' if ok else 'FAIL'}  {what}{'  (' + detail + ')' if detail else ''}")
    if not ok:
        failures.append(what)


def info(what):
    print(f"INFO  {what}")


def short(body):
    text = body.decode("utf-8", "replace")
    start = text.find("<Code>")
    return text[start + 6:text.find("</Code>")] if start >= 0 else text[:80]


def crc32_b64(data):
    return base64.b64encode(zlib.crc32(data).to_bytes(4, "big")).decode("ascii")


def race_if_none_match(bucket, key, writers=16):
    """Starts writers concurrent PutObject calls with If-None-Match: * on one new key; returns how many won."""
    barrier = threading.Barrier(writers)
    statuses = []

    def write(index):
        client = Client()
        barrier.wait()
        statuses.append(client.request("PUT", f"/{bucket}/{key}", f"writer {index}".encode(),
                                       {"If-None-Match": "*"})[0])
        client.close()

    threads = [threading.Thread(target=write, args=(i,)) for i in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(status in (200, 412) for status in statuses), statuses
    return statuses.count(200)


def main():
    s3 = Client()
    other = Client(access_key=os.environ["LCC_TEST_S3_OTHER_ACCESS_KEY"],
                   secret_key=os.environ["LCC_TEST_S3_OTHER_SECRET_KEY"])
    bucket = f"lcc-check-{uuid.uuid4().hex[:12]}"
    info(f"endpoint {s3.endpoint}, region {s3.region}, bucket {bucket}")

    status, _, body = s3.request("PUT", f"/{bucket}")
    report(status == 200, "CreateBucket", str(status))
    for region in ("us-east-1", "eu-west-1"):
        status, _, _ = Client(region=region).request("GET", "/")
        info(f"a request signed for region {region} answers {status}")
    for constraint in ("us-east-1", "default", "eu-west-1"):
        probe = f"lcc-check-{uuid.uuid4().hex[:12]}"
        xml = (f"<CreateBucketConfiguration><LocationConstraint>{constraint}</LocationConstraint>"
               "</CreateBucketConfiguration>").encode()
        status, _, body = s3.request("PUT", f"/{probe}", xml)
        info(f"CreateBucket with LocationConstraint {constraint}: {status} {short(body) if status != 200 else ''}")
        if status == 200:
            s3.request("DELETE", f"/{probe}")
    status, _, body = s3.request("GET", f"/{bucket}?location")
    info(f"GetBucketLocation: {body.decode()[-80:]!r}")

    status, _, body = s3.request("GET", f"/{bucket}?lifecycle")
    report(status == 404 and short(body) == "NoSuchLifecycleConfiguration",
           "GET lifecycle before any PUT is 404 NoSuchLifecycleConfiguration", f"{status} {short(body)}")
    status, _, body = s3.request("PUT", f"/{bucket}?lifecycle", LIFECYCLE, content_md5=True)
    report(status == 200, "PUT lifecycle with a GLACIER transition (Content-MD5)", f"{status} {short(body)}")
    status, _, body = s3.request("GET", f"/{bucket}?lifecycle")
    report(status == 200 and b"<StorageClass>GLACIER</StorageClass>" in body, "GET lifecycle returns the rule",
           str(status))
    info(f"GET lifecycle body: {body.decode()}")
    status, _, body = other.request("GET", f"/{bucket}?lifecycle")
    report(status == 403 and short(body) == "AccessDenied", "the other user gets 403 AccessDenied",
           f"{status} {short(body)}")
    status, _, body = other.request("PUT", f"/{bucket}?lifecycle", LIFECYCLE, content_md5=True)
    report(status == 403, "the other user cannot PUT lifecycle", f"{status} {short(body)}")
    status, _, body = s3.request("PUT", f"/{bucket}?lifecycle", LIFECYCLE)
    info(f"PUT lifecycle without Content-MD5: {status} {short(body)}")
    status, _, body = s3.request("PUT", f"/{bucket}?lifecycle", LIFECYCLE,
                                 {"x-amz-checksum-crc32": crc32_b64(LIFECYCLE), "x-amz-sdk-checksum-algorithm": "CRC32"})
    info(f"PUT lifecycle with x-amz-checksum-crc32 and no Content-MD5 (AWS SDK default): {status} {short(body)}")
    bogus = LIFECYCLE.replace(b"GLACIER", b"NO_SUCH_CLASS")
    status, _, body = s3.request("PUT", f"/{bucket}?lifecycle", bogus, content_md5=True)
    info(f"PUT lifecycle with an unknown storage class: {status} {short(body)}")

    latencies = []
    for _ in range(300):
        begin = time.perf_counter()
        status, _, _ = s3.request("GET", f"/{bucket}?lifecycle")
        latencies.append((time.perf_counter() - begin) * 1000)
    latencies.sort()
    info(f"GET lifecycle on one kept-open connection, 300 calls: median {statistics.median(latencies):.2f} ms, "
         f"p90 {latencies[269]:.2f} ms, max {latencies[-1]:.2f} ms")

    status, _, body = s3.request("DELETE", f"/{bucket}?lifecycle")
    report(status == 204, "DELETE lifecycle", str(status))
    status, _, body = s3.request("GET", f"/{bucket}?lifecycle")
    report(status == 404, "GET lifecycle after DELETE is 404", f"{status} {short(body)}")

    status, _, body = s3.request("PUT", f"/{bucket}/ia.txt", b"infrequent", {"x-amz-storage-class": "STANDARD_IA"})
    report(status == 200, "PutObject with x-amz-storage-class STANDARD_IA", f"{status} {short(body)}")
    status, headers, _ = s3.request("HEAD", f"/{bucket}/ia.txt")
    report(headers.get("x-amz-storage-class") == "STANDARD_IA", "HeadObject reports STANDARD_IA",
           str(headers.get("x-amz-storage-class")))

    status, _, body = s3.request("PUT", f"/{bucket}/lock", b"first", {"If-None-Match": "*"})
    info(f"PutObject If-None-Match: * on a new key: {status} {short(body)}")
    status, _, body = s3.request("PUT", f"/{bucket}/lock", b"second", {"If-None-Match": "*"})
    honoured = status == 412
    info(f"PutObject If-None-Match: * on an existing key: {status} {short(body)} -> "
         f"{'honoured' if honoured else 'NOT honoured'}")
    status, _, body = s3.request("GET", f"/{bucket}/lock")
    report(body == b"first", "If-None-Match: * left the first object in place", repr(body))
    winners = [race_if_none_match(bucket, f"race-{round_}") for round_ in range(10)]
    report(all(w == 1 for w in winners), "16 concurrent If-None-Match: * PUTs on one key: exactly one wins",
           f"winners per round {winners}")
    status, _, body = s3.request("PUT", f"/{bucket}/bogus", b"x", {"x-amz-storage-class": "NO_SUCH_CLASS"})
    info(f"PutObject with a storage class the zone does not know: {status} {short(body)}")

    data = b"chunked with a trailing checksum"
    chunked = (f"{len(data):x}\r\n".encode() + data + b"\r\n0\r\n"
               + f"x-amz-checksum-crc32:{crc32_b64(data)}\r\n\r\n".encode())
    status, _, body = s3.request("PUT", f"/{bucket}/trailer.txt", chunked, {
        "x-amz-content-sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "Content-Encoding": "aws-chunked",
        "x-amz-decoded-content-length": str(len(data)), "x-amz-trailer": "x-amz-checksum-crc32"})
    info(f"PutObject aws-chunked with a trailing CRC32 (AWS SDK default for PutObject): {status} {short(body)}")
    status, _, body = s3.request("GET", f"/{bucket}/trailer.txt")
    info(f"  read back: {status} {body[:60]!r}")

    for key in ["ia.txt", "lock", "trailer.txt"] + [f"race-{round_}" for round_ in range(10)]:
        s3.request("DELETE", f"/{bucket}/{key}")
    status, _, body = s3.request("DELETE", f"/{bucket}")
    report(status == 204, "DeleteBucket", f"{status} {short(body)}")
    print(f"{len(failures)} failed" if failures else "all expected behaviour present")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
