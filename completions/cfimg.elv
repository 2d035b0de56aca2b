
use builtin;
use str;

set edit:completion:arg-completer[cfimg] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'cfimg'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'cfimg'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand images 'Upload, sync, list, inspect, edit, download and delete images; back them up and copy them'
            cand variants 'Manage variants: named sizes images are delivered in'
            cand keys 'Manage the signing keys behind signed URLs'
            cand settings 'Keep variants, key names and account options in a file: export, plan, apply'
            cand stats 'Show how many images the account stores, and how many it may'
            cand direct-upload 'Create a one-time URL that someone else can upload one image to'
            cand config 'Create, show, list and switch profiles in the config file'
            cand emulator 'Serve a local Cloudflare Images API for tests and offline work'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cfimg;images'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List images, newest first, or those a selection picks; --all follows every page'
            cand get 'Show one image'
            cand upload 'Upload images from files, directories, lists, URLs or stdin'
            cand sync 'Make the images under a prefix match a directory''s files: upload new, replace changed, delete extra (--delete)'
            cand edit 'Change the metadata, privacy or creator of an image, or of every image a selection picks'
            cand delete 'Delete images by id or selection (asks first on a terminal; --yes elsewhere)'
            cand blob 'Download an image''s original bytes'
            cand url 'Print delivery URLs, signed ones included'
            cand export 'Back up originals to a folder, with an index of what each image holds; a re-run fetches only what is new'
            cand import 'Upload an export folder''s images as they were: ids, metadata, creator and privacy'
            cand copy 'Copy images into another profile''s account, streamed, with their ids, metadata, creator and privacy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cfimg;images;list'= {
            cand --creator 'Only images with this creator ("" for images without one) [server-side]'
            cand --where-creator 'Only images with this creator ("" for images without one) [server-side]'
            cand --meta 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]'
            cand --where-meta 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]'
            cand --ids-from 'Read image ids from FILE (- for stdin): one id a line, or NDJSON lines with an "id" (as `images list --ndjson` prints)'
            cand --uploaded-before 'Only images uploaded before T: an RFC 3339 time, or an age such as 30d or 12h (uploaded more than that long ago)'
            cand --uploaded-after 'Only images uploaded after T: an RFC 3339 time, or an age such as 30d or 12h (uploaded less than that long ago)'
            cand --filename 'Only images whose file name matches GLOB (* and ? and [abc]; case matters)'
            cand --id-prefix 'Only images whose id starts with P'
            cand --limit 'Stop after N images (follows pages as needed, requests no more than it needs)'
            cand --per-page 'Images per request, 10 to 10000 [default: the API''s]'
            cand --continuation-token 'Start from this token (printed by an earlier listing)'
            cand --sort-order 'Order by upload time'
            cand --page 'Read page N of the deprecated v1 listing instead'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --private 'Only private images (that require signed URLs)'
            cand --public 'Only public images'
            cand --all 'Follow continuation tokens until every image is listed'
            cand --count 'Print only how many images match (follows every page)'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;images;get'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;images;upload'= {
            cand --files-from 'Also upload the paths in FILE, one a line (- reads them from stdin); a listed path that does not exist fails on its own'
            cand --include 'In directories, take only files matching PATTERN (a glob; without a / it matches the file name); repeatable'
            cand --exclude 'In directories, leave out files and directories matching PATTERN; repeatable'
            cand --id 'Custom id for the image (one image only); may contain slashes, not a UUID'
            cand --id-from 'Custom ids: none (the API picks), or path (below the directory argument, a file argument''s name, a --files-from line; after --prefix) [default: none, or path with --prefix]'
            cand --prefix 'Put this in front of every id from the paths, as is (end it with / for a folder); implies --id-from path'
            cand --manifest 'Record every finished file in this NDJSON file, and skip files an earlier run recorded with the same content'
            cand --metadata 'Metadata as a JSON object, at most 1024 bytes'
            cand --meta 'One metadata entry, key=value (a string) or key:=json; repeatable'
            cand --creator 'Creator to record (your own user id, for filtering)'
            cand -j 'Work on this many items at once (one request each in flight)'
            cand --concurrency 'Work on this many items at once (one request each in flight)'
            cand --rate 'Keep to this many API requests per this many seconds [default: 1200/300, the API''s limit]'
            cand --batch-tokens 'With --batch: fetch N batch tokens and spread the requests over them, each paced and renewed on its own'
            cand --batch-url 'The batch host [env: CFIMG_BATCH_URL] [default: https://batch.imagedelivery.net; with --local, the emulator; needed with any other --api-url]'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --ignore-missing 'Skip paths that do not exist, with a note each (listed or named directly), instead of failing them'
            cand --skip-existing 'Count an image whose id already exists as skipped, not failed (a file --manifest knows changed is reported `changed`: see --replace)'
            cand --replace 'With --manifest: when a file changed since it was uploaded and its id holds the older image, delete that image and upload the file right after (the id is missing only in between); without --replace such a file is reported `changed`, a failure'
            cand --dry-run 'Check everything and print what would be uploaded or skipped; send nothing'
            cand --require-signed-urls 'Make the image private: reachable only through signed URLs'
            cand --no-require-signed-urls 'Keep the image public (the default)'
            cand --print-urls 'Print each uploaded image''s delivery URL (its `public` variant, else its first), one a line'
            cand --batch 'Send the work through the batch API (batch tokens, 200 requests a second each, outside the global limit)'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;images;sync'= {
            cand --prefix 'The images to sync: those whose ids start with TEXT; each file''s id is TEXT followed by its path below DIR (end it with / for a folder)'
            cand --include 'Take only files matching PATTERN (a glob; without a / it matches the file name); images whose paths it leaves out are not compared either; repeatable'
            cand --exclude 'Leave out files and directories matching PATTERN, and the images at such paths; repeatable'
            cand --max-delete 'With --delete: refuse, sending nothing, when more than N images would be deleted'
            cand --shard 'Take only the K-th of N slices of the files (and of the images under the prefix), by a stable hash of the path: N CI jobs split one sync'
            cand --manifest 'Cache the files'' content hashes in this NDJSON file, and hash again only files whose size or time changed (a cache only: the account is the record)'
            cand --metadata 'Metadata as a JSON object, set exactly on every image beside the content hash (at most 1024 bytes with it) [default: keep each image''s own]'
            cand --meta 'One metadata entry, key=value (a string) or key:=json; repeatable; as --metadata'
            cand --creator 'Creator to record on every image [default: keep each image''s own]'
            cand -j 'Work on this many items at once (one request each in flight)'
            cand --concurrency 'Work on this many items at once (one request each in flight)'
            cand --rate 'Keep to this many API requests per this many seconds [default: 1200/300, the API''s limit]'
            cand --batch-tokens 'With --batch: fetch N batch tokens and spread the requests over them, each paced and renewed on its own'
            cand --batch-url 'The batch host [default: https://batch.imagedelivery.net; with --local, the emulator; needed with any other --api-url]'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --delete 'Delete the images under the prefix that no file matches (asks on a terminal; --yes elsewhere)'
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --no-replace 'Report changed files as failures instead of replacing their images (delete, then upload)'
            cand --adopt 'Read the bytes of images under the prefix that have no content hash: the file''s content is tagged with its hash, other content replaced'
            cand --dry-run 'Print the plan (new, changed, metadata, unchanged, extra, unknown) and the requests it would take; send nothing'
            cand --batch 'Send the work through the batch API (batch tokens, 200 requests a second each, outside the global limit)'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;images;edit'= {
            cand --where-creator 'Only images with this creator ("" for images without one) [server-side]'
            cand --where-meta 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]'
            cand --ids-from 'Read image ids from FILE (- for stdin): one id a line, or NDJSON lines with an "id" (as `images list --ndjson` prints)'
            cand --uploaded-before 'Only images uploaded before T: an RFC 3339 time, or an age such as 30d or 12h (uploaded more than that long ago)'
            cand --uploaded-after 'Only images uploaded after T: an RFC 3339 time, or an age such as 30d or 12h (uploaded less than that long ago)'
            cand --filename 'Only images whose file name matches GLOB (* and ? and [abc]; case matters)'
            cand --id-prefix 'Only images whose id starts with P'
            cand --metadata 'Replace the metadata with this JSON object (at most 1024 bytes)'
            cand --meta 'Replace the metadata with these entries, key=value or key:=json; repeatable'
            cand --set-meta 'Add or change one metadata entry, keeping the others: key=value or key:=json; repeatable'
            cand --unset-meta 'Remove one metadata entry, keeping the others; repeatable'
            cand --creator 'Set the creator'
            cand --max 'Refuse, editing nothing, when more than N images match'
            cand -j 'Work on this many items at once (one request each in flight)'
            cand --concurrency 'Work on this many items at once (one request each in flight)'
            cand --rate 'Keep to this many API requests per this many seconds [default: 1200/300, the API''s limit]'
            cand --batch-tokens 'With --batch: fetch N batch tokens and spread the requests over them, each paced and renewed on its own'
            cand --batch-url 'The batch host [env: CFIMG_BATCH_URL] [default: https://batch.imagedelivery.net; with --local, the emulator; needed with any other --api-url]'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --private 'Only private images (that require signed URLs)'
            cand --public 'Only public images'
            cand --all 'Every image in the account (a selection with no filter must say so)'
            cand --require-signed-urls 'Make the image private: reachable only through signed URLs'
            cand --no-require-signed-urls 'Make the image public'
            cand --dry-run 'List what would be edited and the requests it would take; edit nothing'
            cand --batch 'Send the work through the batch API (batch tokens, 200 requests a second each, outside the global limit)'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;images;delete'= {
            cand --creator 'Only images with this creator ("" for images without one) [server-side]'
            cand --where-creator 'Only images with this creator ("" for images without one) [server-side]'
            cand --meta 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]'
            cand --where-meta 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]'
            cand --ids-from 'Read image ids from FILE (- for stdin): one id a line, or NDJSON lines with an "id" (as `images list --ndjson` prints)'
            cand --uploaded-before 'Only images uploaded before T: an RFC 3339 time, or an age such as 30d or 12h (uploaded more than that long ago)'
            cand --uploaded-after 'Only images uploaded after T: an RFC 3339 time, or an age such as 30d or 12h (uploaded less than that long ago)'
            cand --filename 'Only images whose file name matches GLOB (* and ? and [abc]; case matters)'
            cand --id-prefix 'Only images whose id starts with P'
            cand --max 'Refuse, deleting nothing, when more than N images match'
            cand --manifest 'Record each deleted image (with its metadata, file name, creator and privacy) in this NDJSON file, and resume from it'
            cand -j 'Work on this many items at once (one request each in flight)'
            cand --concurrency 'Work on this many items at once (one request each in flight)'
            cand --rate 'Keep to this many API requests per this many seconds [default: 1200/300, the API''s limit]'
            cand --batch-tokens 'With --batch: fetch N batch tokens and spread the requests over them, each paced and renewed on its own'
            cand --batch-url 'The batch host [env: CFIMG_BATCH_URL] [default: https://batch.imagedelivery.net; with --local, the emulator; needed with any other --api-url]'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --private 'Only private images (that require signed URLs)'
            cand --public 'Only public images'
            cand --all 'Every image in the account (a selection with no filter must say so)'
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --dry-run 'List what would be deleted and the requests it would take; delete nothing'
            cand --batch 'Send the work through the batch API (batch tokens, 200 requests a second each, outside the global limit)'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;images;blob'= {
            cand -o 'Write to FILE (atomically) instead of stdout'
            cand --output 'Write to FILE (atomically) instead of stdout'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --force 'Replace FILE if it exists'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;images;url'= {
            cand --ids-from 'Read more ids from FILE, one a line or `images list --ndjson` objects (- for stdin)'
            cand --variant 'Variant name, or flexible-variant transformations like w=400,sharpen=3 (unsigned only)'
            cand --account-hash 'The account hash (in every delivery URL; shown on the Images dashboard) [profile: account_hash]'
            cand --delivery-url 'Delivery base for a custom domain, e.g. https://example.com/cdn-cgi/imagedelivery [profile: delivery_url]'
            cand --form 'URL form: <host>/<hash>/… (imagedelivery) or <host>/cdn-cgi/imagedelivery/<hash>/… (zone) [default: the delivery URL''s]'
            cand --expires 'How long a signed URL works: a duration (1h, 30m) or an RFC 3339 time'
            cand --expires-at 'Exact expiry as Unix seconds (reproducible output)'
            cand --key 'Sign with this key from the keys API [default: the profile''s signing_key or CFIMG_SIGNING_KEY, else the key named default]'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --signed 'Add exp and sig so images that require signed URLs can be fetched'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;images;export'= {
            cand --creator 'Only images with this creator ("" for images without one) [server-side]'
            cand --where-creator 'Only images with this creator ("" for images without one) [server-side]'
            cand --meta 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]'
            cand --where-meta 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]'
            cand --ids-from 'Read image ids from FILE (- for stdin): one id a line, or NDJSON lines with an "id" (as `images list --ndjson` prints)'
            cand --uploaded-before 'Only images uploaded before T: an RFC 3339 time, or an age such as 30d or 12h (uploaded more than that long ago)'
            cand --uploaded-after 'Only images uploaded after T: an RFC 3339 time, or an age such as 30d or 12h (uploaded less than that long ago)'
            cand --filename 'Only images whose file name matches GLOB (* and ? and [abc]; case matters)'
            cand --id-prefix 'Only images whose id starts with P'
            cand -j 'Work on this many images at once (one request each in flight)'
            cand --concurrency 'Work on this many images at once (one request each in flight)'
            cand --rate 'Keep to this many API requests per this many seconds [default: 1200/300, the API''s limit]'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --private 'Only private images (that require signed URLs)'
            cand --public 'Only public images'
            cand --prune 'Remove the files (and index lines) of images deleted from the account since the last export'
            cand --dry-run 'List what would be fetched, what is unchanged and what is gone, and the time the rate limit implies; fetch nothing'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;images;import'= {
            cand --manifest 'Record every finished image in this NDJSON file, and skip images an earlier run recorded as sent'
            cand --id-map 'Where to write the new ids of images whose ids the API picked [default: DIR/id-map.<ACCOUNT_ID>.ndjson]'
            cand -j 'Work on this many items at once (one request each in flight)'
            cand --concurrency 'Work on this many items at once (one request each in flight)'
            cand --rate 'Keep to this many API requests per this many seconds [default: 1200/300, the API''s limit]'
            cand --batch-tokens 'With --batch: fetch N batch tokens and spread the requests over them, each paced and renewed on its own'
            cand --batch-url 'The batch host [env: CFIMG_BATCH_URL] [default: https://batch.imagedelivery.net; with --local, the emulator; needed with any other --api-url]'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --skip-existing 'Count an image whose id already exists as skipped, not failed'
            cand --dry-run 'Check the folder and print what would be sent or skipped; send nothing'
            cand --batch 'Send the work through the batch API (batch tokens, 200 requests a second each, outside the global limit)'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;images;copy'= {
            cand --to-profile 'The profile of the account to copy into'
            cand --creator 'Only images with this creator ("" for images without one) [server-side]'
            cand --where-creator 'Only images with this creator ("" for images without one) [server-side]'
            cand --meta 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]'
            cand --where-meta 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]'
            cand --ids-from 'Read image ids from FILE (- for stdin): one id a line, or NDJSON lines with an "id" (as `images list --ndjson` prints)'
            cand --uploaded-before 'Only images uploaded before T: an RFC 3339 time, or an age such as 30d or 12h (uploaded more than that long ago)'
            cand --uploaded-after 'Only images uploaded after T: an RFC 3339 time, or an age such as 30d or 12h (uploaded less than that long ago)'
            cand --filename 'Only images whose file name matches GLOB (* and ? and [abc]; case matters)'
            cand --id-prefix 'Only images whose id starts with P'
            cand --manifest 'Record every finished image in this NDJSON file, and skip images an earlier run recorded as sent'
            cand --id-map 'Where to write the new ids of images whose ids the API picked [default: id-map.<FROM_ACCOUNT>.<TO_ACCOUNT>.ndjson]'
            cand -j 'Work on this many images at once (one request each in flight)'
            cand --concurrency 'Work on this many images at once (one request each in flight)'
            cand --rate 'Keep to this many API requests per this many seconds [default: 1200/300, the API''s limit]'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --private 'Only private images (that require signed URLs)'
            cand --public 'Only public images'
            cand --skip-existing 'Count an image whose id already exists in the other account as skipped, not failed'
            cand --dry-run 'List what would be copied or skipped; copy nothing'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;images;help'= {
            cand list 'List images, newest first, or those a selection picks; --all follows every page'
            cand get 'Show one image'
            cand upload 'Upload images from files, directories, lists, URLs or stdin'
            cand sync 'Make the images under a prefix match a directory''s files: upload new, replace changed, delete extra (--delete)'
            cand edit 'Change the metadata, privacy or creator of an image, or of every image a selection picks'
            cand delete 'Delete images by id or selection (asks first on a terminal; --yes elsewhere)'
            cand blob 'Download an image''s original bytes'
            cand url 'Print delivery URLs, signed ones included'
            cand export 'Back up originals to a folder, with an index of what each image holds; a re-run fetches only what is new'
            cand import 'Upload an export folder''s images as they were: ids, metadata, creator and privacy'
            cand copy 'Copy images into another profile''s account, streamed, with their ids, metadata, creator and privacy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cfimg;images;help;list'= {
        }
        &'cfimg;images;help;get'= {
        }
        &'cfimg;images;help;upload'= {
        }
        &'cfimg;images;help;sync'= {
        }
        &'cfimg;images;help;edit'= {
        }
        &'cfimg;images;help;delete'= {
        }
        &'cfimg;images;help;blob'= {
        }
        &'cfimg;images;help;url'= {
        }
        &'cfimg;images;help;export'= {
        }
        &'cfimg;images;help;import'= {
        }
        &'cfimg;images;help;copy'= {
        }
        &'cfimg;images;help;help'= {
        }
        &'cfimg;variants'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List every variant, sorted by name'
            cand get 'Show one variant'
            cand create 'Create a variant'
            cand edit 'Change a variant''s options (the ones not given stay as they are)'
            cand delete 'Delete variants (asks first on a terminal; --yes elsewhere)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cfimg;variants;list'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;variants;get'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;variants;create'= {
            cand --fit 'How the image fits the box'
            cand --width 'Maximum width in pixels (at least 1)'
            cand --height 'Maximum height in pixels (at least 1)'
            cand --metadata 'Which EXIF data to keep'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --never-require-signed-urls 'Serve this variant even for images that require signed URLs'
            cand --no-never-require-signed-urls 'Serve this variant only signed for images that require signed URLs (the default)'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cfimg;variants;edit'= {
            cand --fit 'How the image fits the box'
            cand --width 'Maximum width in pixels (at least 1)'
            cand --height 'Maximum height in pixels (at least 1)'
            cand --metadata 'Which EXIF data to keep'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --never-require-signed-urls 'Serve this variant even for images that require signed URLs'
            cand --no-never-require-signed-urls 'Serve this variant only signed for images that require signed URLs'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cfimg;variants;delete'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;variants;help'= {
            cand list 'List every variant, sorted by name'
            cand get 'Show one variant'
            cand create 'Create a variant'
            cand edit 'Change a variant''s options (the ones not given stay as they are)'
            cand delete 'Delete variants (asks first on a terminal; --yes elsewhere)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cfimg;variants;help;list'= {
        }
        &'cfimg;variants;help;get'= {
        }
        &'cfimg;variants;help;create'= {
        }
        &'cfimg;variants;help;edit'= {
        }
        &'cfimg;variants;help;delete'= {
        }
        &'cfimg;variants;help;help'= {
        }
        &'cfimg;keys'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List signing keys (values masked in tables unless --show-values; --json prints them)'
            cand create 'Create a key; on an existing name this ROTATES it: the old value stops working'
            cand delete 'Delete keys (asks first on a terminal; --yes elsewhere); the last is replaced by a new `default`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cfimg;keys;list'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --show-values 'Show key values in the table'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;keys;create'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --show-values 'Show the new value in the table'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;keys;delete'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;keys;help'= {
            cand list 'List signing keys (values masked in tables unless --show-values; --json prints them)'
            cand create 'Create a key; on an existing name this ROTATES it: the old value stops working'
            cand delete 'Delete keys (asks first on a terminal; --yes elsewhere); the last is replaced by a new `default`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cfimg;keys;help;list'= {
        }
        &'cfimg;keys;help;create'= {
        }
        &'cfimg;keys;help;delete'= {
        }
        &'cfimg;keys;help;help'= {
        }
        &'cfimg;settings'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
            cand export 'Write the account''s variants, signing key names and options as a settings file'
            cand plan 'Show what `settings apply` would change, field by field; --check exits 6 if anything'
            cand apply 'Make the account match a settings file (asks first on a terminal; --yes elsewhere)'
            cand schema 'Print the settings file''s JSON Schema, for editors to complete and check the file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cfimg;settings;export'= {
            cand -o 'Write to FILE (atomically, replacing it) instead of stdout'
            cand --output 'Write to FILE (atomically, replacing it) instead of stdout'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;settings;plan'= {
            cand --rotate 'Give the signing key NAME a new value; URLs signed with the old one stop working'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --prune 'Also delete variants and keys the file does not name (not `public` unless it says so)'
            cand --check 'Exit with 6 when there are changes to make (0 when the account matches the file)'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;settings;apply'= {
            cand --rotate 'Give the signing key NAME a new value; URLs signed with the old one stop working'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --prune 'Also delete variants and keys the file does not name (not `public` unless it says so)'
            cand -y 'Apply without asking'
            cand --yes 'Apply without asking'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;settings;schema'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;settings;help'= {
            cand export 'Write the account''s variants, signing key names and options as a settings file'
            cand plan 'Show what `settings apply` would change, field by field; --check exits 6 if anything'
            cand apply 'Make the account match a settings file (asks first on a terminal; --yes elsewhere)'
            cand schema 'Print the settings file''s JSON Schema, for editors to complete and check the file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cfimg;settings;help;export'= {
        }
        &'cfimg;settings;help;plan'= {
        }
        &'cfimg;settings;help;apply'= {
        }
        &'cfimg;settings;help;schema'= {
        }
        &'cfimg;settings;help;help'= {
        }
        &'cfimg;stats'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;direct-upload'= {
            cand --expires 'When the URL stops working: a duration (30m, 2h) or an RFC 3339 time; 2 minutes to 6 hours ahead [default: 30m]'
            cand --id 'Custom id for the image; may contain slashes, not a UUID'
            cand --metadata 'Metadata as a JSON object, at most 1024 bytes'
            cand --meta 'One metadata entry, key=value or key:=json; repeatable'
            cand --creator 'Creator to record'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --require-signed-urls 'Make the image private: reachable only through signed URLs'
            cand --no-require-signed-urls 'Keep the image public (the default)'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;config'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
            cand init 'Save a profile: account id and token, checked with one API call before saving'
            cand show 'Show every resolved setting and where it came from (token masked)'
            cand list 'List the profiles, which one is the default, and each value with where it comes from'
            cand use 'Make a profile the default one (default_profile in the config file)'
            cand remove 'Remove a profile from the config file (asks first on a terminal; --yes elsewhere)'
            cand path 'Print the config file''s path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cfimg;config;init'= {
            cand --account-hash 'The account hash for delivery URLs (from any image''s variant URL)'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --token-stdin 'Read the API token from stdin instead of asking (no flag takes a secret)'
            cand --default 'Make this profile the default one'
            cand --no-verify 'Save without checking the token with the API (offline, say)'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;config;show'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;config;list'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;config;use'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;config;remove'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand -y 'Remove without asking'
            cand --yes 'Remove without asking'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;config;path'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;config;help'= {
            cand init 'Save a profile: account id and token, checked with one API call before saving'
            cand show 'Show every resolved setting and where it came from (token masked)'
            cand list 'List the profiles, which one is the default, and each value with where it comes from'
            cand use 'Make a profile the default one (default_profile in the config file)'
            cand remove 'Remove a profile from the config file (asks first on a terminal; --yes elsewhere)'
            cand path 'Print the config file''s path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cfimg;config;help;init'= {
        }
        &'cfimg;config;help;show'= {
        }
        &'cfimg;config;help;list'= {
        }
        &'cfimg;config;help;use'= {
        }
        &'cfimg;config;help;remove'= {
        }
        &'cfimg;config;help;path'= {
        }
        &'cfimg;config;help;help'= {
        }
        &'cfimg;emulator'= {
            cand --listen 'Address to listen on: HOST:PORT, or a port alone (:8787) for 127.0.0.1; port 0 picks a free one'
            cand --data-dir 'Keep images, variants and keys in this directory (default: in memory only)'
            cand --token 'Accept only this API token (default: any well-formed credentials are accepted) [env: CFIMG_EMULATOR_TOKEN]'
            cand --latency-ms 'Add this many milliseconds of latency to every request'
            cand --fail-rate 'Share of API requests answered with a 5xx error (0 to 1)'
            cand --rate-limit 'Allow N requests per SECONDS per credentials, then answer 429 until the window ends (1200/300 is the API''s own; without it nothing is limited)'
            cand --throttle-rate 'Share of API requests answered 429 at random, with Retry-After: 1 (0 to 1)'
            cand --drop-rate 'Share of API requests whose connection is closed without an answer (0 to 1)'
            cand --truncate-rate 'Share of image bodies (blob, delivery) cut short (0 to 1)'
            cand --seed 'Seed for reproducible fault decisions'
            cand --batch-rate 'Requests per second allowed per batch token'
            cand --preload 'Create N synthetic images at start (for listing benchmarks)'
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --html-errors 'Send error answers as HTML pages, as a proxy would'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;completions'= {
            cand --profile 'Profile from the config file [env: CFIMG_PROFILE]'
            cand --config 'Config file to use [env: CFIMG_CONFIG]'
            cand --account-id 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]'
            cand --api-url 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]'
            cand --retries 'Retries for a failed request (429, 5xx, connection failures)'
            cand --timeout 'Seconds one request may take before it is given up'
            cand --local 'Run against a local emulator (no account needed; data kept in your data directory)'
            cand --json 'Print one JSON document on stdout'
            cand --ndjson 'Print one JSON object a line (lists and bulk results)'
            cand -q 'Print nothing but data and errors'
            cand --quiet 'Print nothing but data and errors'
            cand -v 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand --verbose 'Log requests and timings on stderr (secrets redacted); repeat for more'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cfimg;help'= {
            cand images 'Upload, sync, list, inspect, edit, download and delete images; back them up and copy them'
            cand variants 'Manage variants: named sizes images are delivered in'
            cand keys 'Manage the signing keys behind signed URLs'
            cand settings 'Keep variants, key names and account options in a file: export, plan, apply'
            cand stats 'Show how many images the account stores, and how many it may'
            cand direct-upload 'Create a one-time URL that someone else can upload one image to'
            cand config 'Create, show, list and switch profiles in the config file'
            cand emulator 'Serve a local Cloudflare Images API for tests and offline work'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cfimg;help;images'= {
            cand list 'List images, newest first, or those a selection picks; --all follows every page'
            cand get 'Show one image'
            cand upload 'Upload images from files, directories, lists, URLs or stdin'
            cand sync 'Make the images under a prefix match a directory''s files: upload new, replace changed, delete extra (--delete)'
            cand edit 'Change the metadata, privacy or creator of an image, or of every image a selection picks'
            cand delete 'Delete images by id or selection (asks first on a terminal; --yes elsewhere)'
            cand blob 'Download an image''s original bytes'
            cand url 'Print delivery URLs, signed ones included'
            cand export 'Back up originals to a folder, with an index of what each image holds; a re-run fetches only what is new'
            cand import 'Upload an export folder''s images as they were: ids, metadata, creator and privacy'
            cand copy 'Copy images into another profile''s account, streamed, with their ids, metadata, creator and privacy'
        }
        &'cfimg;help;images;list'= {
        }
        &'cfimg;help;images;get'= {
        }
        &'cfimg;help;images;upload'= {
        }
        &'cfimg;help;images;sync'= {
        }
        &'cfimg;help;images;edit'= {
        }
        &'cfimg;help;images;delete'= {
        }
        &'cfimg;help;images;blob'= {
        }
        &'cfimg;help;images;url'= {
        }
        &'cfimg;help;images;export'= {
        }
        &'cfimg;help;images;import'= {
        }
        &'cfimg;help;images;copy'= {
        }
        &'cfimg;help;variants'= {
            cand list 'List every variant, sorted by name'
            cand get 'Show one variant'
            cand create 'Create a variant'
            cand edit 'Change a variant''s options (the ones not given stay as they are)'
            cand delete 'Delete variants (asks first on a terminal; --yes elsewhere)'
        }
        &'cfimg;help;variants;list'= {
        }
        &'cfimg;help;variants;get'= {
        }
        &'cfimg;help;variants;create'= {
        }
        &'cfimg;help;variants;edit'= {
        }
        &'cfimg;help;variants;delete'= {
        }
        &'cfimg;help;keys'= {
            cand list 'List signing keys (values masked in tables unless --show-values; --json prints them)'
            cand create 'Create a key; on an existing name this ROTATES it: the old value stops working'
            cand delete 'Delete keys (asks first on a terminal; --yes elsewhere); the last is replaced by a new `default`'
        }
        &'cfimg;help;keys;list'= {
        }
        &'cfimg;help;keys;create'= {
        }
        &'cfimg;help;keys;delete'= {
        }
        &'cfimg;help;settings'= {
            cand export 'Write the account''s variants, signing key names and options as a settings file'
            cand plan 'Show what `settings apply` would change, field by field; --check exits 6 if anything'
            cand apply 'Make the account match a settings file (asks first on a terminal; --yes elsewhere)'
            cand schema 'Print the settings file''s JSON Schema, for editors to complete and check the file'
        }
        &'cfimg;help;settings;export'= {
        }
        &'cfimg;help;settings;plan'= {
        }
        &'cfimg;help;settings;apply'= {
        }
        &'cfimg;help;settings;schema'= {
        }
        &'cfimg;help;stats'= {
        }
        &'cfimg;help;direct-upload'= {
        }
        &'cfimg;help;config'= {
            cand init 'Save a profile: account id and token, checked with one API call before saving'
            cand show 'Show every resolved setting and where it came from (token masked)'
            cand list 'List the profiles, which one is the default, and each value with where it comes from'
            cand use 'Make a profile the default one (default_profile in the config file)'
            cand remove 'Remove a profile from the config file (asks first on a terminal; --yes elsewhere)'
            cand path 'Print the config file''s path'
        }
        &'cfimg;help;config;init'= {
        }
        &'cfimg;help;config;show'= {
        }
        &'cfimg;help;config;list'= {
        }
        &'cfimg;help;config;use'= {
        }
        &'cfimg;help;config;remove'= {
        }
        &'cfimg;help;config;path'= {
        }
        &'cfimg;help;emulator'= {
        }
        &'cfimg;help;completions'= {
        }
        &'cfimg;help;help'= {
        }
    ]
    $completions[$command]
}
