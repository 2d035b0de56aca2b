
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'cfimg' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'cfimg'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'cfimg' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('images', 'images', [CompletionResultType]::ParameterValue, 'Upload, sync, list, inspect, edit, download and delete images; back them up and copy them')
            [CompletionResult]::new('variants', 'variants', [CompletionResultType]::ParameterValue, 'Manage variants: named sizes images are delivered in')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Manage the signing keys behind signed URLs')
            [CompletionResult]::new('settings', 'settings', [CompletionResultType]::ParameterValue, 'Keep variants, key names and account options in a file: export, plan, apply')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Show how many images the account stores, and how many it may')
            [CompletionResult]::new('direct-upload', 'direct-upload', [CompletionResultType]::ParameterValue, 'Create a one-time URL that someone else can upload one image to')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Create, show, list and switch profiles in the config file')
            [CompletionResult]::new('emulator', 'emulator', [CompletionResultType]::ParameterValue, 'Serve a local Cloudflare Images API for tests and offline work')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cfimg;images' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List images, newest first, or those a selection picks; --all follows every page')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one image')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload images from files, directories, lists, URLs or stdin')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Make the images under a prefix match a directory''s files: upload new, replace changed, delete extra (--delete)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change the metadata, privacy or creator of an image, or of every image a selection picks')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete images by id or selection (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('blob', 'blob', [CompletionResultType]::ParameterValue, 'Download an image''s original bytes')
            [CompletionResult]::new('url', 'url', [CompletionResultType]::ParameterValue, 'Print delivery URLs, signed ones included')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Back up originals to a folder, with an index of what each image holds; a re-run fetches only what is new')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Upload an export folder''s images as they were: ids, metadata, creator and privacy')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy images into another profile''s account, streamed, with their ids, metadata, creator and privacy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cfimg;images;list' {
            [CompletionResult]::new('--creator', '--creator', [CompletionResultType]::ParameterName, 'Only images with this creator ("" for images without one) [server-side]')
            [CompletionResult]::new('--where-creator', '--where-creator', [CompletionResultType]::ParameterName, 'Only images with this creator ("" for images without one) [server-side]')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]')
            [CompletionResult]::new('--where-meta', '--where-meta', [CompletionResultType]::ParameterName, 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]')
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'Read image ids from FILE (- for stdin): one id a line, or NDJSON lines with an "id" (as `images list --ndjson` prints)')
            [CompletionResult]::new('--uploaded-before', '--uploaded-before', [CompletionResultType]::ParameterName, 'Only images uploaded before T: an RFC 3339 time, or an age such as 30d or 12h (uploaded more than that long ago)')
            [CompletionResult]::new('--uploaded-after', '--uploaded-after', [CompletionResultType]::ParameterName, 'Only images uploaded after T: an RFC 3339 time, or an age such as 30d or 12h (uploaded less than that long ago)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'Only images whose file name matches GLOB (* and ? and [abc]; case matters)')
            [CompletionResult]::new('--id-prefix', '--id-prefix', [CompletionResultType]::ParameterName, 'Only images whose id starts with P')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after N images (follows pages as needed, requests no more than it needs)')
            [CompletionResult]::new('--per-page', '--per-page', [CompletionResultType]::ParameterName, 'Images per request, 10 to 10000 [default: the API''s]')
            [CompletionResult]::new('--continuation-token', '--continuation-token', [CompletionResultType]::ParameterName, 'Start from this token (printed by an earlier listing)')
            [CompletionResult]::new('--sort-order', '--sort-order', [CompletionResultType]::ParameterName, 'Order by upload time')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'Read page N of the deprecated v1 listing instead')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Only private images (that require signed URLs)')
            [CompletionResult]::new('--public', '--public', [CompletionResultType]::ParameterName, 'Only public images')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Follow continuation tokens until every image is listed')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Print only how many images match (follows every page)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;images;get' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;images;upload' {
            [CompletionResult]::new('--files-from', '--files-from', [CompletionResultType]::ParameterName, 'Also upload the paths in FILE, one a line (- reads them from stdin); a listed path that does not exist fails on its own')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'In directories, take only files matching PATTERN (a glob; without a / it matches the file name); repeatable')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'In directories, leave out files and directories matching PATTERN; repeatable')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Custom id for the image (one image only); may contain slashes, not a UUID')
            [CompletionResult]::new('--id-from', '--id-from', [CompletionResultType]::ParameterName, 'Custom ids: none (the API picks), or path (below the directory argument, a file argument''s name, a --files-from line; after --prefix) [default: none, or path with --prefix]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Put this in front of every id from the paths, as is (end it with / for a folder); implies --id-from path')
            [CompletionResult]::new('--manifest', '--manifest', [CompletionResultType]::ParameterName, 'Record every finished file in this NDJSON file, and skip files an earlier run recorded with the same content')
            [CompletionResult]::new('--metadata', '--metadata', [CompletionResultType]::ParameterName, 'Metadata as a JSON object, at most 1024 bytes')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'One metadata entry, key=value (a string) or key:=json; repeatable')
            [CompletionResult]::new('--creator', '--creator', [CompletionResultType]::ParameterName, 'Creator to record (your own user id, for filtering)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Work on this many items at once (one request each in flight)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Work on this many items at once (one request each in flight)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Keep to this many API requests per this many seconds [default: 1200/300, the API''s limit]')
            [CompletionResult]::new('--batch-tokens', '--batch-tokens', [CompletionResultType]::ParameterName, 'With --batch: fetch N batch tokens and spread the requests over them, each paced and renewed on its own')
            [CompletionResult]::new('--batch-url', '--batch-url', [CompletionResultType]::ParameterName, 'The batch host [env: CFIMG_BATCH_URL] [default: https://batch.imagedelivery.net; with --local, the emulator; needed with any other --api-url]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--ignore-missing', '--ignore-missing', [CompletionResultType]::ParameterName, 'Skip paths that do not exist, with a note each (listed or named directly), instead of failing them')
            [CompletionResult]::new('--skip-existing', '--skip-existing', [CompletionResultType]::ParameterName, 'Count an image whose id already exists as skipped, not failed (a file --manifest knows changed is reported `changed`: see --replace)')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'With --manifest: when a file changed since it was uploaded and its id holds the older image, delete that image and upload the file right after (the id is missing only in between); without --replace such a file is reported `changed`, a failure')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check everything and print what would be uploaded or skipped; send nothing')
            [CompletionResult]::new('--require-signed-urls', '--require-signed-urls', [CompletionResultType]::ParameterName, 'Make the image private: reachable only through signed URLs')
            [CompletionResult]::new('--no-require-signed-urls', '--no-require-signed-urls', [CompletionResultType]::ParameterName, 'Keep the image public (the default)')
            [CompletionResult]::new('--print-urls', '--print-urls', [CompletionResultType]::ParameterName, 'Print each uploaded image''s delivery URL (its `public` variant, else its first), one a line')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Send the work through the batch API (batch tokens, 200 requests a second each, outside the global limit)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;images;sync' {
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'The images to sync: those whose ids start with TEXT; each file''s id is TEXT followed by its path below DIR (end it with / for a folder)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Take only files matching PATTERN (a glob; without a / it matches the file name); images whose paths it leaves out are not compared either; repeatable')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Leave out files and directories matching PATTERN, and the images at such paths; repeatable')
            [CompletionResult]::new('--max-delete', '--max-delete', [CompletionResultType]::ParameterName, 'With --delete: refuse, sending nothing, when more than N images would be deleted')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the K-th of N slices of the files (and of the images under the prefix), by a stable hash of the path: N CI jobs split one sync')
            [CompletionResult]::new('--manifest', '--manifest', [CompletionResultType]::ParameterName, 'Cache the files'' content hashes in this NDJSON file, and hash again only files whose size or time changed (a cache only: the account is the record)')
            [CompletionResult]::new('--metadata', '--metadata', [CompletionResultType]::ParameterName, 'Metadata as a JSON object, set exactly on every image beside the content hash (at most 1024 bytes with it) [default: keep each image''s own]')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'One metadata entry, key=value (a string) or key:=json; repeatable; as --metadata')
            [CompletionResult]::new('--creator', '--creator', [CompletionResultType]::ParameterName, 'Creator to record on every image [default: keep each image''s own]')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Work on this many items at once (one request each in flight)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Work on this many items at once (one request each in flight)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Keep to this many API requests per this many seconds [default: 1200/300, the API''s limit]')
            [CompletionResult]::new('--batch-tokens', '--batch-tokens', [CompletionResultType]::ParameterName, 'With --batch: fetch N batch tokens and spread the requests over them, each paced and renewed on its own')
            [CompletionResult]::new('--batch-url', '--batch-url', [CompletionResultType]::ParameterName, 'The batch host [default: https://batch.imagedelivery.net; with --local, the emulator; needed with any other --api-url]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Delete the images under the prefix that no file matches (asks on a terminal; --yes elsewhere)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--no-replace', '--no-replace', [CompletionResultType]::ParameterName, 'Report changed files as failures instead of replacing their images (delete, then upload)')
            [CompletionResult]::new('--adopt', '--adopt', [CompletionResultType]::ParameterName, 'Read the bytes of images under the prefix that have no content hash: the file''s content is tagged with its hash, other content replaced')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan (new, changed, metadata, unchanged, extra, unknown) and the requests it would take; send nothing')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Send the work through the batch API (batch tokens, 200 requests a second each, outside the global limit)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;images;edit' {
            [CompletionResult]::new('--where-creator', '--where-creator', [CompletionResultType]::ParameterName, 'Only images with this creator ("" for images without one) [server-side]')
            [CompletionResult]::new('--where-meta', '--where-meta', [CompletionResultType]::ParameterName, 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]')
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'Read image ids from FILE (- for stdin): one id a line, or NDJSON lines with an "id" (as `images list --ndjson` prints)')
            [CompletionResult]::new('--uploaded-before', '--uploaded-before', [CompletionResultType]::ParameterName, 'Only images uploaded before T: an RFC 3339 time, or an age such as 30d or 12h (uploaded more than that long ago)')
            [CompletionResult]::new('--uploaded-after', '--uploaded-after', [CompletionResultType]::ParameterName, 'Only images uploaded after T: an RFC 3339 time, or an age such as 30d or 12h (uploaded less than that long ago)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'Only images whose file name matches GLOB (* and ? and [abc]; case matters)')
            [CompletionResult]::new('--id-prefix', '--id-prefix', [CompletionResultType]::ParameterName, 'Only images whose id starts with P')
            [CompletionResult]::new('--metadata', '--metadata', [CompletionResultType]::ParameterName, 'Replace the metadata with this JSON object (at most 1024 bytes)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Replace the metadata with these entries, key=value or key:=json; repeatable')
            [CompletionResult]::new('--set-meta', '--set-meta', [CompletionResultType]::ParameterName, 'Add or change one metadata entry, keeping the others: key=value or key:=json; repeatable')
            [CompletionResult]::new('--unset-meta', '--unset-meta', [CompletionResultType]::ParameterName, 'Remove one metadata entry, keeping the others; repeatable')
            [CompletionResult]::new('--creator', '--creator', [CompletionResultType]::ParameterName, 'Set the creator')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Refuse, editing nothing, when more than N images match')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Work on this many items at once (one request each in flight)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Work on this many items at once (one request each in flight)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Keep to this many API requests per this many seconds [default: 1200/300, the API''s limit]')
            [CompletionResult]::new('--batch-tokens', '--batch-tokens', [CompletionResultType]::ParameterName, 'With --batch: fetch N batch tokens and spread the requests over them, each paced and renewed on its own')
            [CompletionResult]::new('--batch-url', '--batch-url', [CompletionResultType]::ParameterName, 'The batch host [env: CFIMG_BATCH_URL] [default: https://batch.imagedelivery.net; with --local, the emulator; needed with any other --api-url]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Only private images (that require signed URLs)')
            [CompletionResult]::new('--public', '--public', [CompletionResultType]::ParameterName, 'Only public images')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every image in the account (a selection with no filter must say so)')
            [CompletionResult]::new('--require-signed-urls', '--require-signed-urls', [CompletionResultType]::ParameterName, 'Make the image private: reachable only through signed URLs')
            [CompletionResult]::new('--no-require-signed-urls', '--no-require-signed-urls', [CompletionResultType]::ParameterName, 'Make the image public')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be edited and the requests it would take; edit nothing')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Send the work through the batch API (batch tokens, 200 requests a second each, outside the global limit)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;images;delete' {
            [CompletionResult]::new('--creator', '--creator', [CompletionResultType]::ParameterName, 'Only images with this creator ("" for images without one) [server-side]')
            [CompletionResult]::new('--where-creator', '--where-creator', [CompletionResultType]::ParameterName, 'Only images with this creator ("" for images without one) [server-side]')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]')
            [CompletionResult]::new('--where-meta', '--where-meta', [CompletionResultType]::ParameterName, 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]')
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'Read image ids from FILE (- for stdin): one id a line, or NDJSON lines with an "id" (as `images list --ndjson` prints)')
            [CompletionResult]::new('--uploaded-before', '--uploaded-before', [CompletionResultType]::ParameterName, 'Only images uploaded before T: an RFC 3339 time, or an age such as 30d or 12h (uploaded more than that long ago)')
            [CompletionResult]::new('--uploaded-after', '--uploaded-after', [CompletionResultType]::ParameterName, 'Only images uploaded after T: an RFC 3339 time, or an age such as 30d or 12h (uploaded less than that long ago)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'Only images whose file name matches GLOB (* and ? and [abc]; case matters)')
            [CompletionResult]::new('--id-prefix', '--id-prefix', [CompletionResultType]::ParameterName, 'Only images whose id starts with P')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Refuse, deleting nothing, when more than N images match')
            [CompletionResult]::new('--manifest', '--manifest', [CompletionResultType]::ParameterName, 'Record each deleted image (with its metadata, file name, creator and privacy) in this NDJSON file, and resume from it')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Work on this many items at once (one request each in flight)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Work on this many items at once (one request each in flight)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Keep to this many API requests per this many seconds [default: 1200/300, the API''s limit]')
            [CompletionResult]::new('--batch-tokens', '--batch-tokens', [CompletionResultType]::ParameterName, 'With --batch: fetch N batch tokens and spread the requests over them, each paced and renewed on its own')
            [CompletionResult]::new('--batch-url', '--batch-url', [CompletionResultType]::ParameterName, 'The batch host [env: CFIMG_BATCH_URL] [default: https://batch.imagedelivery.net; with --local, the emulator; needed with any other --api-url]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Only private images (that require signed URLs)')
            [CompletionResult]::new('--public', '--public', [CompletionResultType]::ParameterName, 'Only public images')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every image in the account (a selection with no filter must say so)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be deleted and the requests it would take; delete nothing')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Send the work through the batch API (batch tokens, 200 requests a second each, outside the global limit)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;images;blob' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE (atomically) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE (atomically) instead of stdout')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE if it exists')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;images;url' {
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'Read more ids from FILE, one a line or `images list --ndjson` objects (- for stdin)')
            [CompletionResult]::new('--variant', '--variant', [CompletionResultType]::ParameterName, 'Variant name, or flexible-variant transformations like w=400,sharpen=3 (unsigned only)')
            [CompletionResult]::new('--account-hash', '--account-hash', [CompletionResultType]::ParameterName, 'The account hash (in every delivery URL; shown on the Images dashboard) [profile: account_hash]')
            [CompletionResult]::new('--delivery-url', '--delivery-url', [CompletionResultType]::ParameterName, 'Delivery base for a custom domain, e.g. https://example.com/cdn-cgi/imagedelivery [profile: delivery_url]')
            [CompletionResult]::new('--form', '--form', [CompletionResultType]::ParameterName, 'URL form: <host>/<hash>/… (imagedelivery) or <host>/cdn-cgi/imagedelivery/<hash>/… (zone) [default: the delivery URL''s]')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'How long a signed URL works: a duration (1h, 30m) or an RFC 3339 time')
            [CompletionResult]::new('--expires-at', '--expires-at', [CompletionResultType]::ParameterName, 'Exact expiry as Unix seconds (reproducible output)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Sign with this key from the keys API [default: the profile''s signing_key or CFIMG_SIGNING_KEY, else the key named default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--signed', '--signed', [CompletionResultType]::ParameterName, 'Add exp and sig so images that require signed URLs can be fetched')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;images;export' {
            [CompletionResult]::new('--creator', '--creator', [CompletionResultType]::ParameterName, 'Only images with this creator ("" for images without one) [server-side]')
            [CompletionResult]::new('--where-creator', '--where-creator', [CompletionResultType]::ParameterName, 'Only images with this creator ("" for images without one) [server-side]')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]')
            [CompletionResult]::new('--where-meta', '--where-meta', [CompletionResultType]::ParameterName, 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]')
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'Read image ids from FILE (- for stdin): one id a line, or NDJSON lines with an "id" (as `images list --ndjson` prints)')
            [CompletionResult]::new('--uploaded-before', '--uploaded-before', [CompletionResultType]::ParameterName, 'Only images uploaded before T: an RFC 3339 time, or an age such as 30d or 12h (uploaded more than that long ago)')
            [CompletionResult]::new('--uploaded-after', '--uploaded-after', [CompletionResultType]::ParameterName, 'Only images uploaded after T: an RFC 3339 time, or an age such as 30d or 12h (uploaded less than that long ago)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'Only images whose file name matches GLOB (* and ? and [abc]; case matters)')
            [CompletionResult]::new('--id-prefix', '--id-prefix', [CompletionResultType]::ParameterName, 'Only images whose id starts with P')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Work on this many images at once (one request each in flight)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Work on this many images at once (one request each in flight)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Keep to this many API requests per this many seconds [default: 1200/300, the API''s limit]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Only private images (that require signed URLs)')
            [CompletionResult]::new('--public', '--public', [CompletionResultType]::ParameterName, 'Only public images')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Remove the files (and index lines) of images deleted from the account since the last export')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be fetched, what is unchanged and what is gone, and the time the rate limit implies; fetch nothing')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;images;import' {
            [CompletionResult]::new('--manifest', '--manifest', [CompletionResultType]::ParameterName, 'Record every finished image in this NDJSON file, and skip images an earlier run recorded as sent')
            [CompletionResult]::new('--id-map', '--id-map', [CompletionResultType]::ParameterName, 'Where to write the new ids of images whose ids the API picked [default: DIR/id-map.<ACCOUNT_ID>.ndjson]')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Work on this many items at once (one request each in flight)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Work on this many items at once (one request each in flight)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Keep to this many API requests per this many seconds [default: 1200/300, the API''s limit]')
            [CompletionResult]::new('--batch-tokens', '--batch-tokens', [CompletionResultType]::ParameterName, 'With --batch: fetch N batch tokens and spread the requests over them, each paced and renewed on its own')
            [CompletionResult]::new('--batch-url', '--batch-url', [CompletionResultType]::ParameterName, 'The batch host [env: CFIMG_BATCH_URL] [default: https://batch.imagedelivery.net; with --local, the emulator; needed with any other --api-url]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--skip-existing', '--skip-existing', [CompletionResultType]::ParameterName, 'Count an image whose id already exists as skipped, not failed')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the folder and print what would be sent or skipped; send nothing')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Send the work through the batch API (batch tokens, 200 requests a second each, outside the global limit)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;images;copy' {
            [CompletionResult]::new('--to-profile', '--to-profile', [CompletionResultType]::ParameterName, 'The profile of the account to copy into')
            [CompletionResult]::new('--creator', '--creator', [CompletionResultType]::ParameterName, 'Only images with this creator ("" for images without one) [server-side]')
            [CompletionResult]::new('--where-creator', '--where-creator', [CompletionResultType]::ParameterName, 'Only images with this creator ("" for images without one) [server-side]')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]')
            [CompletionResult]::new('--where-meta', '--where-meta', [CompletionResultType]::ParameterName, 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]')
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'Read image ids from FILE (- for stdin): one id a line, or NDJSON lines with an "id" (as `images list --ndjson` prints)')
            [CompletionResult]::new('--uploaded-before', '--uploaded-before', [CompletionResultType]::ParameterName, 'Only images uploaded before T: an RFC 3339 time, or an age such as 30d or 12h (uploaded more than that long ago)')
            [CompletionResult]::new('--uploaded-after', '--uploaded-after', [CompletionResultType]::ParameterName, 'Only images uploaded after T: an RFC 3339 time, or an age such as 30d or 12h (uploaded less than that long ago)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'Only images whose file name matches GLOB (* and ? and [abc]; case matters)')
            [CompletionResult]::new('--id-prefix', '--id-prefix', [CompletionResultType]::ParameterName, 'Only images whose id starts with P')
            [CompletionResult]::new('--manifest', '--manifest', [CompletionResultType]::ParameterName, 'Record every finished image in this NDJSON file, and skip images an earlier run recorded as sent')
            [CompletionResult]::new('--id-map', '--id-map', [CompletionResultType]::ParameterName, 'Where to write the new ids of images whose ids the API picked [default: id-map.<FROM_ACCOUNT>.<TO_ACCOUNT>.ndjson]')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Work on this many images at once (one request each in flight)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Work on this many images at once (one request each in flight)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Keep to this many API requests per this many seconds [default: 1200/300, the API''s limit]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Only private images (that require signed URLs)')
            [CompletionResult]::new('--public', '--public', [CompletionResultType]::ParameterName, 'Only public images')
            [CompletionResult]::new('--skip-existing', '--skip-existing', [CompletionResultType]::ParameterName, 'Count an image whose id already exists in the other account as skipped, not failed')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be copied or skipped; copy nothing')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;images;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List images, newest first, or those a selection picks; --all follows every page')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one image')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload images from files, directories, lists, URLs or stdin')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Make the images under a prefix match a directory''s files: upload new, replace changed, delete extra (--delete)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change the metadata, privacy or creator of an image, or of every image a selection picks')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete images by id or selection (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('blob', 'blob', [CompletionResultType]::ParameterValue, 'Download an image''s original bytes')
            [CompletionResult]::new('url', 'url', [CompletionResultType]::ParameterValue, 'Print delivery URLs, signed ones included')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Back up originals to a folder, with an index of what each image holds; a re-run fetches only what is new')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Upload an export folder''s images as they were: ids, metadata, creator and privacy')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy images into another profile''s account, streamed, with their ids, metadata, creator and privacy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cfimg;images;help;list' {
            break
        }
        'cfimg;images;help;get' {
            break
        }
        'cfimg;images;help;upload' {
            break
        }
        'cfimg;images;help;sync' {
            break
        }
        'cfimg;images;help;edit' {
            break
        }
        'cfimg;images;help;delete' {
            break
        }
        'cfimg;images;help;blob' {
            break
        }
        'cfimg;images;help;url' {
            break
        }
        'cfimg;images;help;export' {
            break
        }
        'cfimg;images;help;import' {
            break
        }
        'cfimg;images;help;copy' {
            break
        }
        'cfimg;images;help;help' {
            break
        }
        'cfimg;variants' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every variant, sorted by name')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one variant')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a variant')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a variant''s options (the ones not given stay as they are)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete variants (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cfimg;variants;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;variants;get' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;variants;create' {
            [CompletionResult]::new('--fit', '--fit', [CompletionResultType]::ParameterName, 'How the image fits the box')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Maximum width in pixels (at least 1)')
            [CompletionResult]::new('--height', '--height', [CompletionResultType]::ParameterName, 'Maximum height in pixels (at least 1)')
            [CompletionResult]::new('--metadata', '--metadata', [CompletionResultType]::ParameterName, 'Which EXIF data to keep')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--never-require-signed-urls', '--never-require-signed-urls', [CompletionResultType]::ParameterName, 'Serve this variant even for images that require signed URLs')
            [CompletionResult]::new('--no-never-require-signed-urls', '--no-never-require-signed-urls', [CompletionResultType]::ParameterName, 'Serve this variant only signed for images that require signed URLs (the default)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cfimg;variants;edit' {
            [CompletionResult]::new('--fit', '--fit', [CompletionResultType]::ParameterName, 'How the image fits the box')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Maximum width in pixels (at least 1)')
            [CompletionResult]::new('--height', '--height', [CompletionResultType]::ParameterName, 'Maximum height in pixels (at least 1)')
            [CompletionResult]::new('--metadata', '--metadata', [CompletionResultType]::ParameterName, 'Which EXIF data to keep')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--never-require-signed-urls', '--never-require-signed-urls', [CompletionResultType]::ParameterName, 'Serve this variant even for images that require signed URLs')
            [CompletionResult]::new('--no-never-require-signed-urls', '--no-never-require-signed-urls', [CompletionResultType]::ParameterName, 'Serve this variant only signed for images that require signed URLs')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cfimg;variants;delete' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;variants;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every variant, sorted by name')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one variant')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a variant')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a variant''s options (the ones not given stay as they are)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete variants (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cfimg;variants;help;list' {
            break
        }
        'cfimg;variants;help;get' {
            break
        }
        'cfimg;variants;help;create' {
            break
        }
        'cfimg;variants;help;edit' {
            break
        }
        'cfimg;variants;help;delete' {
            break
        }
        'cfimg;variants;help;help' {
            break
        }
        'cfimg;keys' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List signing keys (values masked in tables unless --show-values; --json prints them)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a key; on an existing name this ROTATES it: the old value stops working')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete keys (asks first on a terminal; --yes elsewhere); the last is replaced by a new `default`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cfimg;keys;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--show-values', '--show-values', [CompletionResultType]::ParameterName, 'Show key values in the table')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;keys;create' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--show-values', '--show-values', [CompletionResultType]::ParameterName, 'Show the new value in the table')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;keys;delete' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;keys;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List signing keys (values masked in tables unless --show-values; --json prints them)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a key; on an existing name this ROTATES it: the old value stops working')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete keys (asks first on a terminal; --yes elsewhere); the last is replaced by a new `default`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cfimg;keys;help;list' {
            break
        }
        'cfimg;keys;help;create' {
            break
        }
        'cfimg;keys;help;delete' {
            break
        }
        'cfimg;keys;help;help' {
            break
        }
        'cfimg;settings' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the account''s variants, signing key names and options as a settings file')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what `settings apply` would change, field by field; --check exits 6 if anything')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the account match a settings file (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the settings file''s JSON Schema, for editors to complete and check the file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cfimg;settings;export' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE (atomically, replacing it) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE (atomically, replacing it) instead of stdout')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;settings;plan' {
            [CompletionResult]::new('--rotate', '--rotate', [CompletionResultType]::ParameterName, 'Give the signing key NAME a new value; URLs signed with the old one stop working')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also delete variants and keys the file does not name (not `public` unless it says so)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Exit with 6 when there are changes to make (0 when the account matches the file)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;settings;apply' {
            [CompletionResult]::new('--rotate', '--rotate', [CompletionResultType]::ParameterName, 'Give the signing key NAME a new value; URLs signed with the old one stop working')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also delete variants and keys the file does not name (not `public` unless it says so)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;settings;schema' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;settings;help' {
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the account''s variants, signing key names and options as a settings file')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what `settings apply` would change, field by field; --check exits 6 if anything')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the account match a settings file (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the settings file''s JSON Schema, for editors to complete and check the file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cfimg;settings;help;export' {
            break
        }
        'cfimg;settings;help;plan' {
            break
        }
        'cfimg;settings;help;apply' {
            break
        }
        'cfimg;settings;help;schema' {
            break
        }
        'cfimg;settings;help;help' {
            break
        }
        'cfimg;stats' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;direct-upload' {
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'When the URL stops working: a duration (30m, 2h) or an RFC 3339 time; 2 minutes to 6 hours ahead [default: 30m]')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Custom id for the image; may contain slashes, not a UUID')
            [CompletionResult]::new('--metadata', '--metadata', [CompletionResultType]::ParameterName, 'Metadata as a JSON object, at most 1024 bytes')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'One metadata entry, key=value or key:=json; repeatable')
            [CompletionResult]::new('--creator', '--creator', [CompletionResultType]::ParameterName, 'Creator to record')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--require-signed-urls', '--require-signed-urls', [CompletionResultType]::ParameterName, 'Make the image private: reachable only through signed URLs')
            [CompletionResult]::new('--no-require-signed-urls', '--no-require-signed-urls', [CompletionResultType]::ParameterName, 'Keep the image public (the default)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;config' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Save a profile: account id and token, checked with one API call before saving')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every resolved setting and where it came from (token masked)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles, which one is the default, and each value with where it comes from')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the default one (default_profile in the config file)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a profile from the config file (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cfimg;config;init' {
            [CompletionResult]::new('--account-hash', '--account-hash', [CompletionResultType]::ParameterName, 'The account hash for delivery URLs (from any image''s variant URL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the API token from stdin instead of asking (no flag takes a secret)')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'Make this profile the default one')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Save without checking the token with the API (offline, say)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;config;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;config;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;config;use' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;config;remove' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Remove without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Remove without asking')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;config;path' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;config;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Save a profile: account id and token, checked with one API call before saving')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every resolved setting and where it came from (token masked)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles, which one is the default, and each value with where it comes from')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the default one (default_profile in the config file)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a profile from the config file (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cfimg;config;help;init' {
            break
        }
        'cfimg;config;help;show' {
            break
        }
        'cfimg;config;help;list' {
            break
        }
        'cfimg;config;help;use' {
            break
        }
        'cfimg;config;help;remove' {
            break
        }
        'cfimg;config;help;path' {
            break
        }
        'cfimg;config;help;help' {
            break
        }
        'cfimg;emulator' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on: HOST:PORT, or a port alone (:8787) for 127.0.0.1; port 0 picks a free one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Keep images, variants and keys in this directory (default: in memory only)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Accept only this API token (default: any well-formed credentials are accepted) [env: CFIMG_EMULATOR_TOKEN]')
            [CompletionResult]::new('--latency-ms', '--latency-ms', [CompletionResultType]::ParameterName, 'Add this many milliseconds of latency to every request')
            [CompletionResult]::new('--fail-rate', '--fail-rate', [CompletionResultType]::ParameterName, 'Share of API requests answered with a 5xx error (0 to 1)')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Allow N requests per SECONDS per credentials, then answer 429 until the window ends (1200/300 is the API''s own; without it nothing is limited)')
            [CompletionResult]::new('--throttle-rate', '--throttle-rate', [CompletionResultType]::ParameterName, 'Share of API requests answered 429 at random, with Retry-After: 1 (0 to 1)')
            [CompletionResult]::new('--drop-rate', '--drop-rate', [CompletionResultType]::ParameterName, 'Share of API requests whose connection is closed without an answer (0 to 1)')
            [CompletionResult]::new('--truncate-rate', '--truncate-rate', [CompletionResultType]::ParameterName, 'Share of image bodies (blob, delivery) cut short (0 to 1)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for reproducible fault decisions')
            [CompletionResult]::new('--batch-rate', '--batch-rate', [CompletionResultType]::ParameterName, 'Requests per second allowed per batch token')
            [CompletionResult]::new('--preload', '--preload', [CompletionResultType]::ParameterName, 'Create N synthetic images at start (for listing benchmarks)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--html-errors', '--html-errors', [CompletionResultType]::ParameterName, 'Send error answers as HTML pages, as a proxy would')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: CFIMG_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: CFIMG_CONFIG]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for a failed request (429, 5xx, connection failures)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one request may take before it is given up')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Run against a local emulator (no account needed; data kept in your data directory)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout')
            [CompletionResult]::new('--ndjson', '--ndjson', [CompletionResultType]::ParameterName, 'Print one JSON object a line (lists and bulk results)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests and timings on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cfimg;help' {
            [CompletionResult]::new('images', 'images', [CompletionResultType]::ParameterValue, 'Upload, sync, list, inspect, edit, download and delete images; back them up and copy them')
            [CompletionResult]::new('variants', 'variants', [CompletionResultType]::ParameterValue, 'Manage variants: named sizes images are delivered in')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Manage the signing keys behind signed URLs')
            [CompletionResult]::new('settings', 'settings', [CompletionResultType]::ParameterValue, 'Keep variants, key names and account options in a file: export, plan, apply')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Show how many images the account stores, and how many it may')
            [CompletionResult]::new('direct-upload', 'direct-upload', [CompletionResultType]::ParameterValue, 'Create a one-time URL that someone else can upload one image to')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Create, show, list and switch profiles in the config file')
            [CompletionResult]::new('emulator', 'emulator', [CompletionResultType]::ParameterValue, 'Serve a local Cloudflare Images API for tests and offline work')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cfimg;help;images' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List images, newest first, or those a selection picks; --all follows every page')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one image')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload images from files, directories, lists, URLs or stdin')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Make the images under a prefix match a directory''s files: upload new, replace changed, delete extra (--delete)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change the metadata, privacy or creator of an image, or of every image a selection picks')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete images by id or selection (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('blob', 'blob', [CompletionResultType]::ParameterValue, 'Download an image''s original bytes')
            [CompletionResult]::new('url', 'url', [CompletionResultType]::ParameterValue, 'Print delivery URLs, signed ones included')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Back up originals to a folder, with an index of what each image holds; a re-run fetches only what is new')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Upload an export folder''s images as they were: ids, metadata, creator and privacy')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy images into another profile''s account, streamed, with their ids, metadata, creator and privacy')
            break
        }
        'cfimg;help;images;list' {
            break
        }
        'cfimg;help;images;get' {
            break
        }
        'cfimg;help;images;upload' {
            break
        }
        'cfimg;help;images;sync' {
            break
        }
        'cfimg;help;images;edit' {
            break
        }
        'cfimg;help;images;delete' {
            break
        }
        'cfimg;help;images;blob' {
            break
        }
        'cfimg;help;images;url' {
            break
        }
        'cfimg;help;images;export' {
            break
        }
        'cfimg;help;images;import' {
            break
        }
        'cfimg;help;images;copy' {
            break
        }
        'cfimg;help;variants' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every variant, sorted by name')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one variant')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a variant')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a variant''s options (the ones not given stay as they are)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete variants (asks first on a terminal; --yes elsewhere)')
            break
        }
        'cfimg;help;variants;list' {
            break
        }
        'cfimg;help;variants;get' {
            break
        }
        'cfimg;help;variants;create' {
            break
        }
        'cfimg;help;variants;edit' {
            break
        }
        'cfimg;help;variants;delete' {
            break
        }
        'cfimg;help;keys' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List signing keys (values masked in tables unless --show-values; --json prints them)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a key; on an existing name this ROTATES it: the old value stops working')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete keys (asks first on a terminal; --yes elsewhere); the last is replaced by a new `default`')
            break
        }
        'cfimg;help;keys;list' {
            break
        }
        'cfimg;help;keys;create' {
            break
        }
        'cfimg;help;keys;delete' {
            break
        }
        'cfimg;help;settings' {
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the account''s variants, signing key names and options as a settings file')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what `settings apply` would change, field by field; --check exits 6 if anything')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the account match a settings file (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the settings file''s JSON Schema, for editors to complete and check the file')
            break
        }
        'cfimg;help;settings;export' {
            break
        }
        'cfimg;help;settings;plan' {
            break
        }
        'cfimg;help;settings;apply' {
            break
        }
        'cfimg;help;settings;schema' {
            break
        }
        'cfimg;help;stats' {
            break
        }
        'cfimg;help;direct-upload' {
            break
        }
        'cfimg;help;config' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Save a profile: account id and token, checked with one API call before saving')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every resolved setting and where it came from (token masked)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles, which one is the default, and each value with where it comes from')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the default one (default_profile in the config file)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a profile from the config file (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            break
        }
        'cfimg;help;config;init' {
            break
        }
        'cfimg;help;config;show' {
            break
        }
        'cfimg;help;config;list' {
            break
        }
        'cfimg;help;config;use' {
            break
        }
        'cfimg;help;config;remove' {
            break
        }
        'cfimg;help;config;path' {
            break
        }
        'cfimg;help;emulator' {
            break
        }
        'cfimg;help;completions' {
            break
        }
        'cfimg;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
