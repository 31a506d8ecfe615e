#!/usr/bin/env python3
"""Minimal S3 client with AWS Signature Version 4, standard library only.

Used by scripts/local-s3.sh to wait until the local S3 server answers a signed ListBuckets, and handy for
poking at the server by hand:

    scripts/s3_probe.py                                  # signed ListBuckets, prints status and body
    scripts/s3_probe.py --wait 60                        # retry until it answers 200 or 60 s pass
    scripts/s3_probe.py PUT /bucket                      # create a bucket
    scripts/s3_probe.py PUT '/bucket?lifecycle' --body-file rules.xml --content-md5
    scripts/s3_probe.py PUT /bucket/key --body hi -H 'x-amz-storage-class: STANDARD_IA'

Endpoint and keys come from AWS_ENDPOINT_URL_S3, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION
(or the options below). Exit code: 0 for a 2xx answer, 1 otherwise, 2 when the server cannot be reached.
Secrets are never printed.
"""

import argparse
import base64
import datetime
import hashlib
import hmac
import http.client
import os
import sys
import time
import urllib.parse


def _hmac(key, msg):
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()


def _canonical_query(query):
    pairs = urllib.parse.parse_qsl(query, keep_blank_values=True)
    encoded = [(urllib.parse.quote(k, safe="-_.~"), urllib.parse.quote(v, safe="-_.~")) for k, v in pairs]
    return "&".join(f"{k}={v}" for k, v in sorted(encoded))


def sign(method, host, path, query, headers, body, access_key, secret_key, region, now=None):
    """Returns a new header dict with x-amz-date, x-amz-content-sha256 and Authorization added."""
    now = now or datetime.datetime.now(datetime.timezone.utc)
    amz_date = now.strftime("%Y%m%dT%H%M%SZ")
    date = amz_date[:8]
    signed = {k.lower(): str(v).strip() for k, v in headers.items()}
    signed["host"] = host
    signed["x-amz-date"] = amz_date
    signed.setdefault("x-amz-content-sha256", hashlib.sha256(body).hexdigest())
    names = sorted(signed)
    canonical_request = "\n".join([
        method,
        urllib.parse.quote(path, safe="/-_.~"),
        _canonical_query(query),
        "".join(f"{n}:{signed[n]}\n" for n in names),
        ";".join(names),
        signed["x-amz-content-sha256"],
    ])
    scope = f"{date}/{region}/s3/aws4_request"
    to_sign = "\n".join([
        "AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical_request.encode("utf-8")).hexdigest()])
    key = _hmac(_hmac(_hmac(_hmac(("AWS4" + secret_key).encode("utf-8"), date), region), "s3"), "aws4_request")
    signature = hmac.new(key, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    signed["authorization"] = (
        f"AWS4-HMAC-SHA256 Credential={access_key}/{scope}, SignedHeaders={';'.join(names)}, Signature={signature}")
    return signed


class Client:
    """A signed S3 client on one kept-open HTTP connection (path-style addressing)."""

    def __init__(self, endpoint=None, access_key=None, secret_key=None, region=None, timeout=10.0):
        self.endpoint = endpoint or os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
        self.access_key = access_key or os.environ.get("AWS_ACCESS_KEY_ID", "")
        self.secret_key = secret_key or os.environ.get("AWS_SECRET_ACCESS_KEY", "")
        self.region = region or os.environ.get("AWS_REGION") or "us-east-1"
        if not self.endpoint:
            raise ValueError("no endpoint: set AWS_ENDPOINT_URL_S3 or pass --endpoint")
        parsed = urllib.parse.urlsplit(self.endpoint)
        self.host = parsed.netloc
        self.timeout = timeout
        self._connection_class = http.client.HTTPSConnection if parsed.scheme == "https" else http.client.HTTPConnection
        self._connection = None

    def close(self):
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def request(self, method, target, body=b"", headers=None, content_md5=False):
        """Sends one signed request; target is '/bucket/key?query'. Returns (status, headers, body);
        header names are lower-case."""
        path, _, query = target.partition("?")
        headers = dict(headers or {})
        if content_md5:
            headers["Content-MD5"] = base64.b64encode(hashlib.md5(body).digest()).decode("ascii")
        signed = sign(method, self.host, path, query, headers, body, self.access_key, self.secret_key, self.region)
        url = urllib.parse.quote(path, safe="/-_.~") + ("?" + query if query else "")
        if self._connection is None:
            self._connection = self._connection_class(self.host, timeout=self.timeout)
        try:
            self._connection.request(method, url, body=body, headers=signed)
            response = self._connection.getresponse()
            data = response.read()
        except Exception:
            self.close()
            raise
        if (response.getheader("Connection") or "").lower() == "close":
            self.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("method", nargs="?", default="GET")
    parser.add_argument("target", nargs="?", default="/", help="/bucket/key?query (default /: ListBuckets)")
    parser.add_argument("--endpoint")
    parser.add_argument("--access-key")
    parser.add_argument("--secret-key")
    parser.add_argument("--region")
    parser.add_argument("-H", "--header", action="append", default=[], help="'Name: value'")
    parser.add_argument("--body", default="")
    parser.add_argument("--body-file")
    parser.add_argument("--content-md5", action="store_true", help="add a Content-MD5 header")
    parser.add_argument("--wait", type=float, default=0, help="retry until a 2xx answer or this many seconds")
    parser.add_argument("--quiet", action="store_true", help="print nothing on success")
    args = parser.parse_args()

    body = open(args.body_file, "rb").read() if args.body_file else args.body.encode("utf-8")
    headers = {}
    for header in args.header:
        name, _, value = header.partition(":")
        headers[name.strip()] = value.strip()
    client = Client(args.endpoint, args.access_key, args.secret_key, args.region)
    deadline = time.monotonic() + args.wait
    last = "no attempt"
    while True:
        try:
            status, response_headers, data = client.request(args.method, args.target, body, headers, args.content_md5)
            if 200 <= status < 300:
                if not args.quiet:
                    print(status)
                    sys.stdout.write(data.decode("utf-8", "replace") + ("\n" if data else ""))
                return 0
            last = f"{status} {data.decode('utf-8', 'replace')}"
            code = 1
        except OSError as error:
            last = f"cannot reach {client.endpoint}: {error}"
            code = 2
        if time.monotonic() >= deadline:
            print(last, file=sys.stderr)
            return code
        time.sleep(0.2)


if __name__ == "__main__":
    sys.exit(main())
