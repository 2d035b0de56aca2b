# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_cfimg_global_optspecs
    string join \n profile= config= account-id= api-url= local json ndjson q/quiet v/verbose retries= timeout= h/help V/version
end

function __fish_cfimg_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_cfimg_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_cfimg_using_subcommand
    set -l cmd (__fish_cfimg_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c cfimg -n "__fish_cfimg_needs_command" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_needs_command" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_needs_command" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_needs_command" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_needs_command" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_needs_command" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_needs_command" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_needs_command" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_needs_command" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_needs_command" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_needs_command" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_needs_command" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_needs_command" -s V -l version -d 'Print version'
complete -c cfimg -n "__fish_cfimg_needs_command" -f -a "images" -d 'Upload, sync, list, inspect, edit, download and delete images; back them up and copy them'
complete -c cfimg -n "__fish_cfimg_needs_command" -f -a "variants" -d 'Manage variants: named sizes images are delivered in'
complete -c cfimg -n "__fish_cfimg_needs_command" -f -a "keys" -d 'Manage the signing keys behind signed URLs'
complete -c cfimg -n "__fish_cfimg_needs_command" -f -a "settings" -d 'Keep variants, key names and account options in a file: export, plan, apply'
complete -c cfimg -n "__fish_cfimg_needs_command" -f -a "stats" -d 'Show how many images the account stores, and how many it may'
complete -c cfimg -n "__fish_cfimg_needs_command" -f -a "direct-upload" -d 'Create a one-time URL that someone else can upload one image to'
complete -c cfimg -n "__fish_cfimg_needs_command" -f -a "config" -d 'Create, show, list and switch profiles in the config file'
complete -c cfimg -n "__fish_cfimg_needs_command" -f -a "emulator" -d 'Serve a local Cloudflare Images API for tests and offline work'
complete -c cfimg -n "__fish_cfimg_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c cfimg -n "__fish_cfimg_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -f -a "list" -d 'List images, newest first, or those a selection picks; --all follows every page'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -f -a "get" -d 'Show one image'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -f -a "upload" -d 'Upload images from files, directories, lists, URLs or stdin'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -f -a "sync" -d 'Make the images under a prefix match a directory\'s files: upload new, replace changed, delete extra (--delete)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -f -a "edit" -d 'Change the metadata, privacy or creator of an image, or of every image a selection picks'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -f -a "delete" -d 'Delete images by id or selection (asks first on a terminal; --yes elsewhere)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -f -a "blob" -d 'Download an image\'s original bytes'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -f -a "url" -d 'Print delivery URLs, signed ones included'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -f -a "export" -d 'Back up originals to a folder, with an index of what each image holds; a re-run fetches only what is new'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -f -a "import" -d 'Upload an export folder\'s images as they were: ids, metadata, creator and privacy'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -f -a "copy" -d 'Copy images into another profile\'s account, streamed, with their ids, metadata, creator and privacy'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and not __fish_seen_subcommand_from list get upload sync edit delete blob url export import copy help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l creator -l where-creator -d 'Only images with this creator ("" for images without one) [server-side]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l meta -l where-meta -d 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l ids-from -d 'Read image ids from FILE (- for stdin): one id a line, or NDJSON lines with an "id" (as `images list --ndjson` prints)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l uploaded-before -d 'Only images uploaded before T: an RFC 3339 time, or an age such as 30d or 12h (uploaded more than that long ago)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l uploaded-after -d 'Only images uploaded after T: an RFC 3339 time, or an age such as 30d or 12h (uploaded less than that long ago)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l filename -d 'Only images whose file name matches GLOB (* and ? and [abc]; case matters)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l id-prefix -d 'Only images whose id starts with P' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l limit -d 'Stop after N images (follows pages as needed, requests no more than it needs)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l per-page -d 'Images per request, 10 to 10000 [default: the API\'s]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l continuation-token -d 'Start from this token (printed by an earlier listing)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l sort-order -d 'Order by upload time' -r -f -a "asc\t''
desc\t''"
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l page -d 'Read page N of the deprecated v1 listing instead' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l private -d 'Only private images (that require signed URLs)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l public -d 'Only public images'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l all -d 'Follow continuation tokens until every image is listed'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l count -d 'Print only how many images match (follows every page)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from get" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from get" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from get" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from get" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from get" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from get" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from get" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from get" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from get" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l files-from -d 'Also upload the paths in FILE, one a line (- reads them from stdin); a listed path that does not exist fails on its own' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l include -d 'In directories, take only files matching PATTERN (a glob; without a / it matches the file name); repeatable' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l exclude -d 'In directories, leave out files and directories matching PATTERN; repeatable' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l id -d 'Custom id for the image (one image only); may contain slashes, not a UUID' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l id-from -d 'Custom ids: none (the API picks), or path (below the directory argument, a file argument\'s name, a --files-from line; after --prefix) [default: none, or path with --prefix]' -r -f -a "none\t''
path\t''"
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l prefix -d 'Put this in front of every id from the paths, as is (end it with / for a folder); implies --id-from path' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l manifest -d 'Record every finished file in this NDJSON file, and skip files an earlier run recorded with the same content' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l metadata -d 'Metadata as a JSON object, at most 1024 bytes' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l meta -d 'One metadata entry, key=value (a string) or key:=json; repeatable' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l creator -d 'Creator to record (your own user id, for filtering)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -s j -l concurrency -d 'Work on this many items at once (one request each in flight)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l rate -d 'Keep to this many API requests per this many seconds [default: 1200/300, the API\'s limit]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l batch-tokens -d 'With --batch: fetch N batch tokens and spread the requests over them, each paced and renewed on its own' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l batch-url -d 'The batch host [env: CFIMG_BATCH_URL] [default: https://batch.imagedelivery.net; with --local, the emulator; needed with any other --api-url]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l ignore-missing -d 'Skip paths that do not exist, with a note each (listed or named directly), instead of failing them'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l skip-existing -d 'Count an image whose id already exists as skipped, not failed (a file --manifest knows changed is reported `changed`: see --replace)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l replace -d 'With --manifest: when a file changed since it was uploaded and its id holds the older image, delete that image and upload the file right after (the id is missing only in between); without --replace such a file is reported `changed`, a failure'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l dry-run -d 'Check everything and print what would be uploaded or skipped; send nothing'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l require-signed-urls -d 'Make the image private: reachable only through signed URLs'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l no-require-signed-urls -d 'Keep the image public (the default)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l print-urls -d 'Print each uploaded image\'s delivery URL (its `public` variant, else its first), one a line'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l batch -d 'Send the work through the batch API (batch tokens, 200 requests a second each, outside the global limit)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from upload" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l prefix -d 'The images to sync: those whose ids start with TEXT; each file\'s id is TEXT followed by its path below DIR (end it with / for a folder)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l include -d 'Take only files matching PATTERN (a glob; without a / it matches the file name); images whose paths it leaves out are not compared either; repeatable' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l exclude -d 'Leave out files and directories matching PATTERN, and the images at such paths; repeatable' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l max-delete -d 'With --delete: refuse, sending nothing, when more than N images would be deleted' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l shard -d 'Take only the K-th of N slices of the files (and of the images under the prefix), by a stable hash of the path: N CI jobs split one sync' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l manifest -d 'Cache the files\' content hashes in this NDJSON file, and hash again only files whose size or time changed (a cache only: the account is the record)' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l metadata -d 'Metadata as a JSON object, set exactly on every image beside the content hash (at most 1024 bytes with it) [default: keep each image\'s own]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l meta -d 'One metadata entry, key=value (a string) or key:=json; repeatable; as --metadata' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l creator -d 'Creator to record on every image [default: keep each image\'s own]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -s j -l concurrency -d 'Work on this many items at once (one request each in flight)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l rate -d 'Keep to this many API requests per this many seconds [default: 1200/300, the API\'s limit]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l batch-tokens -d 'With --batch: fetch N batch tokens and spread the requests over them, each paced and renewed on its own' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l batch-url -d 'The batch host [default: https://batch.imagedelivery.net; with --local, the emulator; needed with any other --api-url]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l delete -d 'Delete the images under the prefix that no file matches (asks on a terminal; --yes elsewhere)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -s y -l yes -d 'Delete without asking'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l no-replace -d 'Report changed files as failures instead of replacing their images (delete, then upload)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l adopt -d 'Read the bytes of images under the prefix that have no content hash: the file\'s content is tagged with its hash, other content replaced'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l dry-run -d 'Print the plan (new, changed, metadata, unchanged, extra, unknown) and the requests it would take; send nothing'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l batch -d 'Send the work through the batch API (batch tokens, 200 requests a second each, outside the global limit)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l where-creator -d 'Only images with this creator ("" for images without one) [server-side]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l where-meta -d 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l ids-from -d 'Read image ids from FILE (- for stdin): one id a line, or NDJSON lines with an "id" (as `images list --ndjson` prints)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l uploaded-before -d 'Only images uploaded before T: an RFC 3339 time, or an age such as 30d or 12h (uploaded more than that long ago)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l uploaded-after -d 'Only images uploaded after T: an RFC 3339 time, or an age such as 30d or 12h (uploaded less than that long ago)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l filename -d 'Only images whose file name matches GLOB (* and ? and [abc]; case matters)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l id-prefix -d 'Only images whose id starts with P' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l metadata -d 'Replace the metadata with this JSON object (at most 1024 bytes)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l meta -d 'Replace the metadata with these entries, key=value or key:=json; repeatable' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l set-meta -d 'Add or change one metadata entry, keeping the others: key=value or key:=json; repeatable' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l unset-meta -d 'Remove one metadata entry, keeping the others; repeatable' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l creator -d 'Set the creator' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l max -d 'Refuse, editing nothing, when more than N images match' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -s j -l concurrency -d 'Work on this many items at once (one request each in flight)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l rate -d 'Keep to this many API requests per this many seconds [default: 1200/300, the API\'s limit]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l batch-tokens -d 'With --batch: fetch N batch tokens and spread the requests over them, each paced and renewed on its own' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l batch-url -d 'The batch host [env: CFIMG_BATCH_URL] [default: https://batch.imagedelivery.net; with --local, the emulator; needed with any other --api-url]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l private -d 'Only private images (that require signed URLs)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l public -d 'Only public images'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l all -d 'Every image in the account (a selection with no filter must say so)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l require-signed-urls -d 'Make the image private: reachable only through signed URLs'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l no-require-signed-urls -d 'Make the image public'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l dry-run -d 'List what would be edited and the requests it would take; edit nothing'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l batch -d 'Send the work through the batch API (batch tokens, 200 requests a second each, outside the global limit)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l creator -l where-creator -d 'Only images with this creator ("" for images without one) [server-side]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l meta -l where-meta -d 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l ids-from -d 'Read image ids from FILE (- for stdin): one id a line, or NDJSON lines with an "id" (as `images list --ndjson` prints)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l uploaded-before -d 'Only images uploaded before T: an RFC 3339 time, or an age such as 30d or 12h (uploaded more than that long ago)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l uploaded-after -d 'Only images uploaded after T: an RFC 3339 time, or an age such as 30d or 12h (uploaded less than that long ago)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l filename -d 'Only images whose file name matches GLOB (* and ? and [abc]; case matters)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l id-prefix -d 'Only images whose id starts with P' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l max -d 'Refuse, deleting nothing, when more than N images match' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l manifest -d 'Record each deleted image (with its metadata, file name, creator and privacy) in this NDJSON file, and resume from it' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -s j -l concurrency -d 'Work on this many items at once (one request each in flight)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l rate -d 'Keep to this many API requests per this many seconds [default: 1200/300, the API\'s limit]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l batch-tokens -d 'With --batch: fetch N batch tokens and spread the requests over them, each paced and renewed on its own' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l batch-url -d 'The batch host [env: CFIMG_BATCH_URL] [default: https://batch.imagedelivery.net; with --local, the emulator; needed with any other --api-url]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l private -d 'Only private images (that require signed URLs)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l public -d 'Only public images'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l all -d 'Every image in the account (a selection with no filter must say so)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Delete without asking'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l dry-run -d 'List what would be deleted and the requests it would take; delete nothing'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l batch -d 'Send the work through the batch API (batch tokens, 200 requests a second each, outside the global limit)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from blob" -s o -l output -d 'Write to FILE (atomically) instead of stdout' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from blob" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from blob" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from blob" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from blob" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from blob" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from blob" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from blob" -l force -d 'Replace FILE if it exists'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from blob" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from blob" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from blob" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from blob" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from blob" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from blob" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l ids-from -d 'Read more ids from FILE, one a line or `images list --ndjson` objects (- for stdin)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l variant -d 'Variant name, or flexible-variant transformations like w=400,sharpen=3 (unsigned only)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l account-hash -d 'The account hash (in every delivery URL; shown on the Images dashboard) [profile: account_hash]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l delivery-url -d 'Delivery base for a custom domain, e.g. https://example.com/cdn-cgi/imagedelivery [profile: delivery_url]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l form -d 'URL form: <host>/<hash>/… (imagedelivery) or <host>/cdn-cgi/imagedelivery/<hash>/… (zone) [default: the delivery URL\'s]' -r -f -a "imagedelivery\t''
zone\t''"
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l expires -d 'How long a signed URL works: a duration (1h, 30m) or an RFC 3339 time' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l expires-at -d 'Exact expiry as Unix seconds (reproducible output)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l key -d 'Sign with this key from the keys API [default: the profile\'s signing_key or CFIMG_SIGNING_KEY, else the key named default]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l signed -d 'Add exp and sig so images that require signed URLs can be fetched'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from url" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l creator -l where-creator -d 'Only images with this creator ("" for images without one) [server-side]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l meta -l where-meta -d 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l ids-from -d 'Read image ids from FILE (- for stdin): one id a line, or NDJSON lines with an "id" (as `images list --ndjson` prints)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l uploaded-before -d 'Only images uploaded before T: an RFC 3339 time, or an age such as 30d or 12h (uploaded more than that long ago)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l uploaded-after -d 'Only images uploaded after T: an RFC 3339 time, or an age such as 30d or 12h (uploaded less than that long ago)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l filename -d 'Only images whose file name matches GLOB (* and ? and [abc]; case matters)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l id-prefix -d 'Only images whose id starts with P' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -s j -l concurrency -d 'Work on this many images at once (one request each in flight)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l rate -d 'Keep to this many API requests per this many seconds [default: 1200/300, the API\'s limit]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l private -d 'Only private images (that require signed URLs)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l public -d 'Only public images'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l prune -d 'Remove the files (and index lines) of images deleted from the account since the last export'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l dry-run -d 'List what would be fetched, what is unchanged and what is gone, and the time the rate limit implies; fetch nothing'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l manifest -d 'Record every finished image in this NDJSON file, and skip images an earlier run recorded as sent' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l id-map -d 'Where to write the new ids of images whose ids the API picked [default: DIR/id-map.<ACCOUNT_ID>.ndjson]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -s j -l concurrency -d 'Work on this many items at once (one request each in flight)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l rate -d 'Keep to this many API requests per this many seconds [default: 1200/300, the API\'s limit]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l batch-tokens -d 'With --batch: fetch N batch tokens and spread the requests over them, each paced and renewed on its own' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l batch-url -d 'The batch host [env: CFIMG_BATCH_URL] [default: https://batch.imagedelivery.net; with --local, the emulator; needed with any other --api-url]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l skip-existing -d 'Count an image whose id already exists as skipped, not failed'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l dry-run -d 'Check the folder and print what would be sent or skipped; send nothing'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l batch -d 'Send the work through the batch API (batch tokens, 200 requests a second each, outside the global limit)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l to-profile -d 'The profile of the account to copy into' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l creator -l where-creator -d 'Only images with this creator ("" for images without one) [server-side]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l meta -l where-meta -d 'Only images whose metadata matches: key[op]=value (op: eq, gt, gte, lt, lte, in, …); up to 5, all must match [server-side]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l ids-from -d 'Read image ids from FILE (- for stdin): one id a line, or NDJSON lines with an "id" (as `images list --ndjson` prints)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l uploaded-before -d 'Only images uploaded before T: an RFC 3339 time, or an age such as 30d or 12h (uploaded more than that long ago)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l uploaded-after -d 'Only images uploaded after T: an RFC 3339 time, or an age such as 30d or 12h (uploaded less than that long ago)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l filename -d 'Only images whose file name matches GLOB (* and ? and [abc]; case matters)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l id-prefix -d 'Only images whose id starts with P' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l manifest -d 'Record every finished image in this NDJSON file, and skip images an earlier run recorded as sent' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l id-map -d 'Where to write the new ids of images whose ids the API picked [default: id-map.<FROM_ACCOUNT>.<TO_ACCOUNT>.ndjson]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -s j -l concurrency -d 'Work on this many images at once (one request each in flight)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l rate -d 'Keep to this many API requests per this many seconds [default: 1200/300, the API\'s limit]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l private -d 'Only private images (that require signed URLs)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l public -d 'Only public images'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l skip-existing -d 'Count an image whose id already exists in the other account as skipped, not failed'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l dry-run -d 'List what would be copied or skipped; copy nothing'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from copy" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from help" -f -a "list" -d 'List images, newest first, or those a selection picks; --all follows every page'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one image'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from help" -f -a "upload" -d 'Upload images from files, directories, lists, URLs or stdin'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Make the images under a prefix match a directory\'s files: upload new, replace changed, delete extra (--delete)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change the metadata, privacy or creator of an image, or of every image a selection picks'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete images by id or selection (asks first on a terminal; --yes elsewhere)'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from help" -f -a "blob" -d 'Download an image\'s original bytes'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from help" -f -a "url" -d 'Print delivery URLs, signed ones included'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from help" -f -a "export" -d 'Back up originals to a folder, with an index of what each image holds; a re-run fetches only what is new'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from help" -f -a "import" -d 'Upload an export folder\'s images as they were: ids, metadata, creator and privacy'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from help" -f -a "copy" -d 'Copy images into another profile\'s account, streamed, with their ids, metadata, creator and privacy'
complete -c cfimg -n "__fish_cfimg_using_subcommand images; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -f -a "list" -d 'List every variant, sorted by name'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -f -a "get" -d 'Show one variant'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -f -a "create" -d 'Create a variant'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -f -a "edit" -d 'Change a variant\'s options (the ones not given stay as they are)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -f -a "delete" -d 'Delete variants (asks first on a terminal; --yes elsewhere)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and not __fish_seen_subcommand_from list get create edit delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from list" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from list" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from list" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from list" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from list" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from list" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from list" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from get" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from get" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from get" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from get" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from get" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from get" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from get" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from get" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from get" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -l fit -d 'How the image fits the box' -r -f -a "scale-down\t'Shrunk to fit inside the box, keeping its proportions; never enlarged'
contain\t'Resized, up or down, to fit inside the box, keeping its proportions'
cover\t'Resized to fill the box exactly, cropping what sticks out'
crop\t'Shrunk and cropped to fill the box; never enlarged'
pad\t'Resized to fit inside the box, and the rest of the box filled with background'"
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -l width -d 'Maximum width in pixels (at least 1)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -l height -d 'Maximum height in pixels (at least 1)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -l metadata -d 'Which EXIF data to keep' -r -f -a "keep\t'All of it'
copyright\t'Only the copyright'
none\t'None: every EXIF field is stripped'"
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -l never-require-signed-urls -d 'Serve this variant even for images that require signed URLs'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -l no-never-require-signed-urls -d 'Serve this variant only signed for images that require signed URLs (the default)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -l fit -d 'How the image fits the box' -r -f -a "scale-down\t'Shrunk to fit inside the box, keeping its proportions; never enlarged'
contain\t'Resized, up or down, to fit inside the box, keeping its proportions'
cover\t'Resized to fill the box exactly, cropping what sticks out'
crop\t'Shrunk and cropped to fill the box; never enlarged'
pad\t'Resized to fit inside the box, and the rest of the box filled with background'"
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -l width -d 'Maximum width in pixels (at least 1)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -l height -d 'Maximum height in pixels (at least 1)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -l metadata -d 'Which EXIF data to keep' -r -f -a "keep\t'All of it'
copyright\t'Only the copyright'
none\t'None: every EXIF field is stripped'"
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -l never-require-signed-urls -d 'Serve this variant even for images that require signed URLs'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -l no-never-require-signed-urls -d 'Serve this variant only signed for images that require signed URLs'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from delete" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from delete" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from delete" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from delete" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from delete" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from delete" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Delete without asking'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from delete" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from delete" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from delete" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every variant, sorted by name'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one variant'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a variant'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a variant\'s options (the ones not given stay as they are)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete variants (asks first on a terminal; --yes elsewhere)'
complete -c cfimg -n "__fish_cfimg_using_subcommand variants; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and not __fish_seen_subcommand_from list create delete help" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and not __fish_seen_subcommand_from list create delete help" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and not __fish_seen_subcommand_from list create delete help" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and not __fish_seen_subcommand_from list create delete help" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and not __fish_seen_subcommand_from list create delete help" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and not __fish_seen_subcommand_from list create delete help" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and not __fish_seen_subcommand_from list create delete help" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and not __fish_seen_subcommand_from list create delete help" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and not __fish_seen_subcommand_from list create delete help" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and not __fish_seen_subcommand_from list create delete help" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and not __fish_seen_subcommand_from list create delete help" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and not __fish_seen_subcommand_from list create delete help" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and not __fish_seen_subcommand_from list create delete help" -f -a "list" -d 'List signing keys (values masked in tables unless --show-values; --json prints them)'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and not __fish_seen_subcommand_from list create delete help" -f -a "create" -d 'Create a key; on an existing name this ROTATES it: the old value stops working'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and not __fish_seen_subcommand_from list create delete help" -f -a "delete" -d 'Delete keys (asks first on a terminal; --yes elsewhere); the last is replaced by a new `default`'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and not __fish_seen_subcommand_from list create delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from list" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from list" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from list" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from list" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from list" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from list" -l show-values -d 'Show key values in the table'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from list" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from list" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from create" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from create" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from create" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from create" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from create" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from create" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from create" -l show-values -d 'Show the new value in the table'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from create" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from create" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from create" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from delete" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from delete" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from delete" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from delete" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from delete" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from delete" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Delete without asking'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from delete" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from delete" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from delete" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "list" -d 'List signing keys (values masked in tables unless --show-values; --json prints them)'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a key; on an existing name this ROTATES it: the old value stops working'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete keys (asks first on a terminal; --yes elsewhere); the last is replaced by a new `default`'
complete -c cfimg -n "__fish_cfimg_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -f -a "export" -d 'Write the account\'s variants, signing key names and options as a settings file'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -f -a "plan" -d 'Show what `settings apply` would change, field by field; --check exits 6 if anything'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -f -a "apply" -d 'Make the account match a settings file (asks first on a terminal; --yes elsewhere)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -f -a "schema" -d 'Print the settings file\'s JSON Schema, for editors to complete and check the file'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and not __fish_seen_subcommand_from export plan apply schema help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to FILE (atomically, replacing it) instead of stdout' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from export" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from export" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from export" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from export" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from export" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from export" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from export" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from export" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from export" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from plan" -l rotate -d 'Give the signing key NAME a new value; URLs signed with the old one stop working' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from plan" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from plan" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from plan" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from plan" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from plan" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from plan" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from plan" -l prune -d 'Also delete variants and keys the file does not name (not `public` unless it says so)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from plan" -l check -d 'Exit with 6 when there are changes to make (0 when the account matches the file)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from plan" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from plan" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from plan" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from plan" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from plan" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from plan" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from apply" -l rotate -d 'Give the signing key NAME a new value; URLs signed with the old one stop working' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from apply" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from apply" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from apply" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from apply" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from apply" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from apply" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from apply" -l prune -d 'Also delete variants and keys the file does not name (not `public` unless it says so)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from apply" -s y -l yes -d 'Apply without asking'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from apply" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from apply" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from apply" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from apply" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from apply" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from schema" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from schema" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from schema" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from schema" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from schema" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from schema" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from schema" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from schema" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from schema" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from schema" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from schema" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from schema" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write the account\'s variants, signing key names and options as a settings file'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from help" -f -a "plan" -d 'Show what `settings apply` would change, field by field; --check exits 6 if anything'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Make the account match a settings file (asks first on a terminal; --yes elsewhere)'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from help" -f -a "schema" -d 'Print the settings file\'s JSON Schema, for editors to complete and check the file'
complete -c cfimg -n "__fish_cfimg_using_subcommand settings; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cfimg -n "__fish_cfimg_using_subcommand stats" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand stats" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand stats" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand stats" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand stats" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand stats" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand stats" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand stats" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand stats" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand stats" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand stats" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand stats" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -l expires -d 'When the URL stops working: a duration (30m, 2h) or an RFC 3339 time; 2 minutes to 6 hours ahead [default: 30m]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -l id -d 'Custom id for the image; may contain slashes, not a UUID' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -l metadata -d 'Metadata as a JSON object, at most 1024 bytes' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -l meta -d 'One metadata entry, key=value or key:=json; repeatable' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -l creator -d 'Creator to record' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -l require-signed-urls -d 'Make the image private: reachable only through signed URLs'
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -l no-require-signed-urls -d 'Keep the image public (the default)'
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand direct-upload" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -f -a "init" -d 'Save a profile: account id and token, checked with one API call before saving'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -f -a "show" -d 'Show every resolved setting and where it came from (token masked)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -f -a "list" -d 'List the profiles, which one is the default, and each value with where it comes from'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -f -a "use" -d 'Make a profile the default one (default_profile in the config file)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -f -a "remove" -d 'Remove a profile from the config file (asks first on a terminal; --yes elsewhere)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -f -a "path" -d 'Print the config file\'s path'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and not __fish_seen_subcommand_from init show list use remove path help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from init" -l account-hash -d 'The account hash for delivery URLs (from any image\'s variant URL)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from init" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from init" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from init" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from init" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from init" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from init" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from init" -l token-stdin -d 'Read the API token from stdin instead of asking (no flag takes a secret)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from init" -l default -d 'Make this profile the default one'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from init" -l no-verify -d 'Save without checking the token with the API (offline, say)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from init" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from init" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from init" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from init" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from show" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from show" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from show" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from show" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from show" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from list" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from list" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from list" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from list" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from list" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from list" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from list" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from use" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from use" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from use" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from use" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from use" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from use" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from use" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from use" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from use" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from use" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from use" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from remove" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from remove" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from remove" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from remove" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from remove" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from remove" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Remove without asking'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from remove" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from remove" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from remove" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from path" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from path" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from path" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from path" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from path" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from path" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from path" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from path" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Save a profile: account id and token, checked with one API call before saving'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show every resolved setting and where it came from (token masked)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the profiles, which one is the default, and each value with where it comes from'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a profile the default one (default_profile in the config file)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a profile from the config file (asks first on a terminal; --yes elsewhere)'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the config file\'s path'
complete -c cfimg -n "__fish_cfimg_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l listen -d 'Address to listen on: HOST:PORT, or a port alone (:8787) for 127.0.0.1; port 0 picks a free one' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l data-dir -d 'Keep images, variants and keys in this directory (default: in memory only)' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l token -d 'Accept only this API token (default: any well-formed credentials are accepted) [env: CFIMG_EMULATOR_TOKEN]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l latency-ms -d 'Add this many milliseconds of latency to every request' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l fail-rate -d 'Share of API requests answered with a 5xx error (0 to 1)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l rate-limit -d 'Allow N requests per SECONDS per credentials, then answer 429 until the window ends (1200/300 is the API\'s own; without it nothing is limited)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l throttle-rate -d 'Share of API requests answered 429 at random, with Retry-After: 1 (0 to 1)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l drop-rate -d 'Share of API requests whose connection is closed without an answer (0 to 1)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l truncate-rate -d 'Share of image bodies (blob, delivery) cut short (0 to 1)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l seed -d 'Seed for reproducible fault decisions' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l batch-rate -d 'Requests per second allowed per batch token' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l preload -d 'Create N synthetic images at start (for listing benchmarks)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l html-errors -d 'Send error answers as HTML pages, as a proxy would'
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand emulator" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand completions" -l profile -d 'Profile from the config file [env: CFIMG_PROFILE]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand completions" -l config -d 'Config file to use [env: CFIMG_CONFIG]' -r -F
complete -c cfimg -n "__fish_cfimg_using_subcommand completions" -l account-id -d 'Cloudflare account id, 32 hex characters [env: CLOUDFLARE_ACCOUNT_ID]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand completions" -l api-url -d 'API base URL, default https://api.cloudflare.com/client/v4 [env: CLOUDFLARE_API_BASE_URL]' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand completions" -l retries -d 'Retries for a failed request (429, 5xx, connection failures)' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand completions" -l timeout -d 'Seconds one request may take before it is given up' -r
complete -c cfimg -n "__fish_cfimg_using_subcommand completions" -l local -d 'Run against a local emulator (no account needed; data kept in your data directory)'
complete -c cfimg -n "__fish_cfimg_using_subcommand completions" -l json -d 'Print one JSON document on stdout'
complete -c cfimg -n "__fish_cfimg_using_subcommand completions" -l ndjson -d 'Print one JSON object a line (lists and bulk results)'
complete -c cfimg -n "__fish_cfimg_using_subcommand completions" -s q -l quiet -d 'Print nothing but data and errors'
complete -c cfimg -n "__fish_cfimg_using_subcommand completions" -s v -l verbose -d 'Log requests and timings on stderr (secrets redacted); repeat for more'
complete -c cfimg -n "__fish_cfimg_using_subcommand completions" -s h -l help -d 'Print help'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and not __fish_seen_subcommand_from images variants keys settings stats direct-upload config emulator completions help" -f -a "images" -d 'Upload, sync, list, inspect, edit, download and delete images; back them up and copy them'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and not __fish_seen_subcommand_from images variants keys settings stats direct-upload config emulator completions help" -f -a "variants" -d 'Manage variants: named sizes images are delivered in'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and not __fish_seen_subcommand_from images variants keys settings stats direct-upload config emulator completions help" -f -a "keys" -d 'Manage the signing keys behind signed URLs'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and not __fish_seen_subcommand_from images variants keys settings stats direct-upload config emulator completions help" -f -a "settings" -d 'Keep variants, key names and account options in a file: export, plan, apply'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and not __fish_seen_subcommand_from images variants keys settings stats direct-upload config emulator completions help" -f -a "stats" -d 'Show how many images the account stores, and how many it may'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and not __fish_seen_subcommand_from images variants keys settings stats direct-upload config emulator completions help" -f -a "direct-upload" -d 'Create a one-time URL that someone else can upload one image to'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and not __fish_seen_subcommand_from images variants keys settings stats direct-upload config emulator completions help" -f -a "config" -d 'Create, show, list and switch profiles in the config file'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and not __fish_seen_subcommand_from images variants keys settings stats direct-upload config emulator completions help" -f -a "emulator" -d 'Serve a local Cloudflare Images API for tests and offline work'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and not __fish_seen_subcommand_from images variants keys settings stats direct-upload config emulator completions help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and not __fish_seen_subcommand_from images variants keys settings stats direct-upload config emulator completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from images" -f -a "list" -d 'List images, newest first, or those a selection picks; --all follows every page'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from images" -f -a "get" -d 'Show one image'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from images" -f -a "upload" -d 'Upload images from files, directories, lists, URLs or stdin'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from images" -f -a "sync" -d 'Make the images under a prefix match a directory\'s files: upload new, replace changed, delete extra (--delete)'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from images" -f -a "edit" -d 'Change the metadata, privacy or creator of an image, or of every image a selection picks'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from images" -f -a "delete" -d 'Delete images by id or selection (asks first on a terminal; --yes elsewhere)'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from images" -f -a "blob" -d 'Download an image\'s original bytes'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from images" -f -a "url" -d 'Print delivery URLs, signed ones included'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from images" -f -a "export" -d 'Back up originals to a folder, with an index of what each image holds; a re-run fetches only what is new'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from images" -f -a "import" -d 'Upload an export folder\'s images as they were: ids, metadata, creator and privacy'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from images" -f -a "copy" -d 'Copy images into another profile\'s account, streamed, with their ids, metadata, creator and privacy'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from variants" -f -a "list" -d 'List every variant, sorted by name'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from variants" -f -a "get" -d 'Show one variant'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from variants" -f -a "create" -d 'Create a variant'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from variants" -f -a "edit" -d 'Change a variant\'s options (the ones not given stay as they are)'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from variants" -f -a "delete" -d 'Delete variants (asks first on a terminal; --yes elsewhere)'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "list" -d 'List signing keys (values masked in tables unless --show-values; --json prints them)'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "create" -d 'Create a key; on an existing name this ROTATES it: the old value stops working'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "delete" -d 'Delete keys (asks first on a terminal; --yes elsewhere); the last is replaced by a new `default`'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from settings" -f -a "export" -d 'Write the account\'s variants, signing key names and options as a settings file'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from settings" -f -a "plan" -d 'Show what `settings apply` would change, field by field; --check exits 6 if anything'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from settings" -f -a "apply" -d 'Make the account match a settings file (asks first on a terminal; --yes elsewhere)'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from settings" -f -a "schema" -d 'Print the settings file\'s JSON Schema, for editors to complete and check the file'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Save a profile: account id and token, checked with one API call before saving'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show every resolved setting and where it came from (token masked)'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'List the profiles, which one is the default, and each value with where it comes from'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "use" -d 'Make a profile the default one (default_profile in the config file)'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "remove" -d 'Remove a profile from the config file (asks first on a terminal; --yes elsewhere)'
complete -c cfimg -n "__fish_cfimg_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the config file\'s path'
