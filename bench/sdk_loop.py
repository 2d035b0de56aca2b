"""Upload every file of a directory, one after another, with Cloudflare's official Python SDK.

usage: sdk_loop.py DIR   (CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_BASE_URL set)

The typed call `client.images.v1.create(account_id=..., file=...)` is used: in the SDK
version pinned by run.sh it sends a proper `file` part, and with no metadata it avoids the
dotted `metadata.<key>` fields the API rejects. Retries are off, as in the curl loop.
"""

import os
import sys

from cloudflare import Cloudflare


def main() -> None:
    folder = sys.argv[1]
    account = os.environ["CLOUDFLARE_ACCOUNT_ID"]
    client = Cloudflare(
        api_token=os.environ["CLOUDFLARE_API_TOKEN"],
        base_url=os.environ["CLOUDFLARE_BASE_URL"],
        max_retries=0,
    )
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            client.images.v1.create(account_id=account, file=f)


if __name__ == "__main__":
    main()
