<#
.SYNOPSIS
    End-to-end checks of the LakeCircle PowerShell module (and, with -Lakecircle, of the CLI used from PowerShell).

.DESCRIPTION
    Runs a real module in this pwsh process against copies of the quick-start example. No Pester: each check prints
    one line, "PASS <name>" or "FAIL <name>: <why>"; the script exits 1 when any check fails or anything unexpected
    stops it, 0 otherwise. The quick-start folder given is only read (a check makes sure it is left unchanged); every
    write goes to copies under -Work.

.PARAMETER ModulePath
    The module: the LakeCircle.psd1 file, the LakeCircle folder holding it, or a folder holding LakeCircle/.

.PARAMETER Quickstart
    The examples/quickstart folder (endpoint/ and account.json).

.PARAMETER Work
    An empty folder for the copies (created when missing).

.PARAMETER Lakecircle
    Optional: an installed lakecircle executable; its dryrun JSON and exit codes are checked against the module.

.EXAMPLE
    pwsh -NoProfile -NonInteractive -File tests/powershell/Module.Tests.ps1 -ModulePath artifacts/module/LakeCircle -Quickstart examples/quickstart -Work (New-Item -ItemType Directory /tmp/lc-ps).FullName
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Quickstart,
    [Parameter(Mandatory)] [string] $Work,
    [string] $Lakecircle
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$script:failed = 0
$script:passed = 0

trap {
    Write-Host "FAIL unexpected: $($_.Exception.Message) ($($_.InvocationInfo.PositionMessage -replace '\s+', ' '))"
    exit 1
}

function Assert([bool] $Condition, [string] $Why) {
    if (-not $Condition) { throw "assertion failed: $Why" }
}

function Check([string] $Name, [scriptblock] $Test) {
    try {
        $null = & $Test
        $script:passed++
        Write-Host "PASS $Name"
    }
    catch {
        $script:failed++
        Write-Host "FAIL ${Name}: $($_.Exception.Message)"
    }
}

# A fresh copy of the quick start under -Work.
function New-Copy([string] $Name) {
    $target = Join-Path $Work $Name
    if (Test-Path $target) { Remove-Item -Recurse -Force $target }
    Copy-Item -Recurse $Quickstart $target
    return (Resolve-Path $target).ProviderPath
}

# Runs a command in a fresh pwsh (no profile) with the module imported, and returns everything it printed: what
# -WhatIf shows goes to the host, which only a separate process can capture.
# With -Answers, the child is interactive and reads its answers to prompts (-Confirm) from standard input.
function Invoke-Child([string] $Command, [string[]] $Answers) {
    $pwsh = [Environment]::ProcessPath
    $arguments = @('-NoProfile') + @(if (-not $Answers) { '-NonInteractive' }) + @('-Command', "`$ErrorActionPreference = 'Stop'; Import-Module '$manifest'; $Command")
    if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $arguments = @(Join-Path $PSHOME 'pwsh.dll') + $arguments }
    $output = if ($Answers) { $Answers | & $pwsh @arguments 2>&1 } else { & $pwsh @arguments 2>&1 }
    Assert ($LASTEXITCODE -eq 0) "the child pwsh exited with $LASTEXITCODE`: $($output -join ' | ')"
    return $output
}

# Every file under a folder with its hash, to tell whether anything was written.
function Get-Tree([string] $Path) {
    Get-ChildItem -Recurse -File $Path | Sort-Object FullName |
        ForEach-Object { '{0} {1}' -f $_.FullName.Substring($Path.Length), (Get-FileHash -Algorithm SHA256 $_.FullName).Hash }
}

$Quickstart = (Resolve-Path $Quickstart).ProviderPath
New-Item -ItemType Directory -Force $Work | Out-Null
$Work = (Resolve-Path $Work).ProviderPath
$manifest = if (Test-Path -PathType Leaf $ModulePath) { $ModulePath }
    elseif (Test-Path (Join-Path $ModulePath 'LakeCircle.psd1')) { Join-Path $ModulePath 'LakeCircle.psd1' }
    else { Join-Path $ModulePath 'LakeCircle/LakeCircle.psd1' }
$manifest = (Resolve-Path $manifest).ProviderPath   # a relative path would be taken for a module name
$quickstartBefore = Get-Tree $Quickstart
foreach ($name in @(Get-ChildItem Env: | Where-Object Name -like 'LCC_*' | ForEach-Object Name)) { Remove-Item "Env:$name" }

Check 'import-module' {
    $module = Import-Module $manifest -Force -PassThru
    $data = Import-PowerShellDataFile $manifest
    Assert ($module.Version -eq [version]$data.ModuleVersion) "module version $($module.Version) is not the manifest's $($data.ModuleVersion)"
    $expected = 'Get-LakeCircleHistory', 'Get-LakeCirclePlan', 'Invoke-LakeCircleRollback', 'Invoke-LakeCircleSync', 'Test-LakeCircleDefinition'
    $exported = @($module.ExportedCmdlets.Keys | Sort-Object)
    Assert (($exported -join ',') -eq ($expected -join ',')) "exported cmdlets: $($exported -join ', ')"
}

$endpoint = Join-Path $Quickstart 'endpoint'
$snapshot = Join-Path $Quickstart 'account.json'

Check 'plan-summary' {
    $summary = Get-LakeCirclePlan -Endpoint $endpoint -Snapshot $snapshot -Summary -WarningAction SilentlyContinue
    Assert ($summary.BucketsChanged -eq 2) "BucketsChanged is $($summary.BucketsChanged), not 2"
    Assert ($summary.RulesAdded -eq 3 -and $summary.RulesRemoved -eq 1 -and $summary.RulesChanged -eq 1) "rule counts $($summary.RulesAdded)/$($summary.RulesRemoved)/$($summary.RulesChanged)"
    Assert ($summary.BucketsInSync -eq 1 -and $summary.BucketsMissing -eq 1 -and $summary.BucketsUnmanaged -eq 1) 'bucket counts'
}

Check 'plan-buckets-on-pipeline' {
    $buckets = @(Get-LakeCirclePlan -Endpoint $endpoint -Snapshot $snapshot -WarningAction SilentlyContinue)
    Assert ($buckets.Count -eq 5) "$($buckets.Count) bucket objects, not 5"
    Assert ($buckets[0].PSObject.TypeNames[0] -eq 'LakeCircle.PowerShell.PlanBucket') "type $($buckets[0].PSObject.TypeNames[0])"
    $changed = @($buckets | Where-Object Action -eq 'Put')
    Assert ((($changed.Name | Sort-Object) -join ',') -eq 'acme-backups,acme-datalake') "Put buckets: $($changed.Name -join ', ')"
    $backups = $buckets | Where-Object Name -eq 'acme-backups'
    Assert ($backups.Removed.Id -contains 'manual-hotfix') 'acme-backups does not remove manual-hotfix'
    Assert ($backups.Changed[0].Fields.Field -contains 'Expiration.Days') 'acme-backups has no Expiration.Days field change'
    $selected = @('acme-logs' | Get-LakeCirclePlan -Endpoint $endpoint -Snapshot $snapshot)
    Assert ($selected.Count -eq 1 -and $selected[0].Status -eq 'InSync') 'a bucket piped in does not narrow the plan'
    $none = @(@() | Get-LakeCirclePlan -Endpoint $endpoint -Snapshot $snapshot -WarningAction SilentlyContinue)
    Assert ($none.Count -eq 0) "an empty pipeline selected $($none.Count) buckets, not none"
}

Check 'logs-go-to-verbose-and-warning-streams' {
    $warnings = $null
    $errors = $null
    $verbose = @(Get-LakeCirclePlan -Endpoint $endpoint -Snapshot $snapshot -Summary -Verbose -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errors 4>&1 |
        Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
    Assert (@($verbose | Where-Object Message -like 'Plan: 2 buckets to change*').Count -eq 1) 'no "Plan:" line in the verbose stream'
    Assert (@($warnings | Where-Object { "$_" -like 'acme-archive*not in the account*' }).Count -eq 1) "warnings: $($warnings -join ' | ')"
    Assert (@($errors).Count -eq 0) "error records: $($errors -join ' | ')"
}

Check 'stop-preference-success-path' {
    $copy = New-Copy 'stop'
    & {
        $ErrorActionPreference = 'Stop'
        $null = Get-LakeCirclePlan -Endpoint "$copy/endpoint" -Snapshot "$copy/account.json" -WarningAction SilentlyContinue
        $null = Invoke-LakeCircleSync -Endpoint "$copy/endpoint" -Snapshot "$copy/account.json" -Confirm:$false -WarningAction SilentlyContinue
        $null = Get-LakeCircleHistory -Endpoint "$copy/endpoint" -Snapshot "$copy/account.json" -Bucket acme-backups
        $null = Test-LakeCircleDefinition "$copy/endpoint/definition"
    }
}

Check 'sync-whatif-writes-nothing' {
    $copy = New-Copy 'whatif'
    $before = Get-Tree $copy
    $output = Invoke-Child "`$r = @(Invoke-LakeCircleSync -Endpoint '$copy/endpoint' -Snapshot '$copy/account.json' -WhatIf -WarningAction SilentlyContinue); 'results: ' + `$r.Count"
    Assert ($output -contains 'results: 0') "-WhatIf wrote results: $($output -join ' | ')"
    foreach ($bucket in 'acme-backups', 'acme-datalake') {
        Assert (@($output | Where-Object { "$_" -like "What if: Put the whole lifecycle configuration*`"$bucket`"*" }).Count -eq 1) "-WhatIf does not show $bucket"
    }
    Assert (@($output | Where-Object { "$_" -like '*- manual-hotfix*' }).Count -eq 1) '-WhatIf does not show the rule it removes'
    $after = Get-Tree $copy
    Assert (($before -join "`n") -eq ($after -join "`n")) 'files under the copy changed'
}

Check 'sync-confirm-asks-per-bucket' {
    $copy = New-Copy 'confirm'
    # Buckets are asked in name order: yes to acme-backups, no to acme-datalake.
    $output = Invoke-Child "Invoke-LakeCircleSync -Endpoint '$copy/endpoint' -Snapshot '$copy/account.json' -Confirm -WarningAction SilentlyContinue | ForEach-Object { 'result: ' + `$_.Bucket + '=' + `$_.Result }" -Answers 'Y', 'N'
    Assert (@($output | Where-Object { "$_" -like '*of bucket "acme-*"?' }).Count -eq 2) "not asked for both buckets: $($output -join ' | ')"
    $results = @($output | Where-Object { "$_" -like 'result: *' })
    Assert (($results -join ',') -eq 'result: acme-backups=Applied') "results: $($results -join ', ')"
    $plan = @(Get-LakeCirclePlan -Endpoint "$copy/endpoint" -Snapshot "$copy/account.json" -Bucket acme-backups, acme-datalake)
    Assert ((($plan | ForEach-Object { "$($_.Name)=$($_.Status)" }) -join ',') -eq 'acme-backups=InSync,acme-datalake=Change') "plan after: $($plan -join ', ')"
}

$syncCopy = New-Copy 'sync'
Check 'sync-applies' {
    $results = @(Invoke-LakeCircleSync -Endpoint "$syncCopy/endpoint" -Snapshot "$syncCopy/account.json" -Confirm:$false -WarningAction SilentlyContinue)
    Assert ($results.Count -eq 2) "$($results.Count) results, not 2"
    Assert (@($results | Where-Object Result -eq 'Applied').Count -eq 2) "results: $(($results | ForEach-Object { "$($_.Bucket)=$($_.Result)" }) -join ', ')"
    Assert ($results[0].RecordLocation -and (Test-Path $results[0].RecordLocation)) 'no run record'
}

Check 'plan-after-sync-has-no-changes' {
    $summary = Get-LakeCirclePlan -Endpoint "$syncCopy/endpoint" -Snapshot "$syncCopy/account.json" -Summary -WarningAction SilentlyContinue
    Assert ($summary.BucketsChanged -eq 0) "BucketsChanged is $($summary.BucketsChanged) after the sync"
}

Check 'history-after-sync' {
    $entries = @(Get-LakeCircleHistory -Endpoint "$syncCopy/endpoint" -Snapshot "$syncCopy/account.json" -Bucket acme-backups, acme-datalake)
    Assert ($entries.Count -eq 2) "$($entries.Count) history entries, not 2"
    Assert (@($entries | Where-Object { $_.Reason -eq 'before-sync' -and $_.Write -eq 'applied' }).Count -eq 2) "entries: $($entries -join ' | ')"
    $backups = $entries | Where-Object Bucket -eq 'acme-backups'
    Assert ($backups.RuleCount -eq 2 -and $backups.CapturedAt -is [DateTimeOffset]) 'acme-backups entry has not the 2 rules it had'
}

Check 'rollback-bucket' {
    $copy = "$syncCopy/endpoint"
    $before = Get-Tree $syncCopy
    $output = Invoke-Child "`$r = @(Get-LakeCircleHistory -Endpoint '$copy' -Snapshot '$syncCopy/account.json' acme-backups | Invoke-LakeCircleRollback -Endpoint '$copy' -Snapshot '$syncCopy/account.json' -WhatIf); 'results: ' + `$r.Count"
    Assert ($output -contains 'results: 0') "rollback -WhatIf wrote results: $($output -join ' | ')"
    Assert (@($output | Where-Object { "$_" -like 'What if:*"acme-backups" to the version captured at*' }).Count -eq 1) "rollback -WhatIf does not show the version: $($output -join ' | ')"
    Assert (((Get-Tree $syncCopy) -join "`n") -eq ($before -join "`n")) 'rollback -WhatIf wrote files'
    $results = @(Invoke-LakeCircleRollback -Endpoint $copy -Snapshot "$syncCopy/account.json" -Bucket acme-backups -Confirm:$false)
    Assert ($results.Count -eq 1 -and $results[0].Result -eq 'Applied') "results: $($results -join ', ')"
    $plan = Get-LakeCirclePlan -Endpoint $copy -Snapshot "$syncCopy/account.json" -Bucket acme-backups
    Assert ($plan.Status -eq 'Change' -and $plan.Removed.Id -contains 'manual-hotfix') 'the old configuration of acme-backups is not back'
    $history = @(Get-LakeCircleHistory -Endpoint $copy -Snapshot "$syncCopy/account.json" acme-backups)
    Assert ($history[0].Reason -eq 'before-rollback') "newest history entry is $($history[0].Reason)"
}

Check 'validate-broken-toml' {
    $folder = New-Item -ItemType Directory -Force (Join-Path $Work 'broken')
    Set-Content -Path (Join-Path $folder 'acme-logs.toml') -Value "bucket = `"acme-logs`"`n[[rules]`nid = `"x`""
    $errors = $null
    $valid = Test-LakeCircleDefinition -Path $folder -ErrorVariable errors -ErrorAction SilentlyContinue
    Assert ($valid -is [bool] -and -not $valid) "result is $valid, not `$false"
    Assert (@($errors).Count -ge 1) 'no error record'
    Assert ($errors[0].CategoryInfo.Category -eq 'InvalidData') "category $($errors[0].CategoryInfo.Category)"
    Assert ($errors[0].FullyQualifiedErrorId -like 'LakeCircle.InvalidDefinition*') "error id $($errors[0].FullyQualifiedErrorId)"
    $diagnostics = @(Get-ChildItem $folder -Filter *.toml | Test-LakeCircleDefinition -Detailed)
    Assert (@($diagnostics | Where-Object { $_.Severity -eq 'Error' -and $_.Line -gt 0 -and $_.File -like '*acme-logs.toml' }).Count -ge 1) "diagnostics: $($diagnostics -join ' | ')"
}

Check 'validate-quickstart' {
    Assert (Test-LakeCircleDefinition (Join-Path $endpoint 'definition')) 'the quick-start definitions are not valid'
    Assert (@(Test-LakeCircleDefinition (Join-Path $endpoint 'definition') -Detailed).Count -eq 0) 'the quick-start definitions have diagnostics'
}

Check 'bad-parameter-is-an-error-record' {
    $record = $null
    try { Get-LakeCirclePlan -Endpoint $endpoint -Snapshot $snapshot -Region 'nope' } catch { $record = $_ }
    Assert ($null -ne $record) 'no terminating error'
    Assert ($record.CategoryInfo.Category -eq 'InvalidArgument') "category $($record.CategoryInfo.Category)"
    Assert ($record.FullyQualifiedErrorId -like 'LakeCircle.InvalidConfiguration*') "error id $($record.FullyQualifiedErrorId)"
    Assert ($record.Exception.Message -like '*-Region*nope*') "message: $($record.Exception.Message)"
    Assert ($record.Exception -is [LakeCircle.PowerShell.LakeCircleException] -and $null -eq $record.Exception.InnerException) "exception $($record.Exception.GetType().FullName)"
    Assert (($record | Out-String) -notmatch '(?m)^\s*at \S') "a .NET stack trace is shown: $($record | Out-String)"
}

Check 'bad-lcc-variable-is-an-error-record' {
    $record = $null
    $env:LCC_ACTION_PARAMS = '{"concurrency": 0}'
    try { Get-LakeCirclePlan -Endpoint $endpoint -Snapshot $snapshot } catch { $record = $_ }
    finally { Remove-Item Env:LCC_ACTION_PARAMS }
    Assert ($null -ne $record) 'no terminating error'
    Assert ($record.CategoryInfo.Category -eq 'InvalidArgument') "category $($record.CategoryInfo.Category)"
    Assert ($record.Exception.Message -like '*LCC_ACTION_PARAMS*concurrency*') "message: $($record.Exception.Message)"
    Assert (($record | Out-String) -notmatch '(?m)^\s*at \S') "a .NET stack trace is shown: $($record | Out-String)"
}

Check 'lcc-variables-and-relative-paths' {
    $copy = New-Copy 'environment'
    Push-Location $copy
    try {
        $env:LCC_ENDPOINT = 'endpoint'
        $env:LCC_SNAPSHOT = './account.json'
        $summary = Get-LakeCirclePlan -Summary -WarningAction SilentlyContinue
        Assert ($summary.BucketsChanged -eq 2) "BucketsChanged is $($summary.BucketsChanged) from LCC_ENDPOINT/LCC_SNAPSHOT"
        $env:LCC_ACTION_PARAMS = '{"buckets": ["acme-logs"]}'
        $buckets = @(Get-LakeCirclePlan)
        Assert ($buckets.Count -eq 1 -and $buckets[0].Name -eq 'acme-logs') 'LCC_ACTION_PARAMS buckets not honoured'
        $buckets = @(Get-LakeCirclePlan -Bucket acme-backups)
        Assert ($buckets.Count -eq 1 -and $buckets[0].Name -eq 'acme-backups') '-Bucket does not win over LCC_ACTION_PARAMS'
    }
    finally {
        Pop-Location
        Remove-Item Env:LCC_ENDPOINT, Env:LCC_SNAPSHOT, Env:LCC_ACTION_PARAMS -ErrorAction SilentlyContinue
    }
}

Check 'sync-limit-is-a-non-terminating-error' {
    $copy = New-Copy 'limit'
    $before = Get-Tree "$copy/account.json"
    $errors = $null
    $results = @(Invoke-LakeCircleSync -Endpoint "$copy/endpoint" -Snapshot "$copy/account.json" -MaxChanges 1 -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
    Assert (@($results | Where-Object Result -eq 'Skipped').Count -eq 2) "results: $($results -join ', ')"
    Assert (@($errors | Where-Object { $_.CategoryInfo.Category -eq 'LimitsExceeded' }).Count -eq 1) "errors: $($errors -join ' | ')"
    Assert (((Get-Tree "$copy/account.json") -join '') -eq ($before -join '')) 'the snapshot was written'
}

Check 'sync-max-destructive-writes-nothing' {
    $copy = New-Copy 'destructive'
    $before = Get-Tree "$copy/account.json"
    $errors = $null
    $results = @(Invoke-LakeCircleSync -Endpoint "$copy/endpoint" -Snapshot "$copy/account.json" -MaxDestructive 0 -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
    Assert (@($results | Where-Object Result -eq 'Skipped').Count -eq 2) "results: $($results -join ', ')"
    Assert (@($errors | Where-Object { "$_" -like '*maxDestructive*' }).Count -eq 1) "errors: $($errors -join ' | ')"
    Assert (((Get-Tree "$copy/account.json") -join '') -eq ($before -join '')) 'the snapshot was written'
}

Check 'plan-bucket-carries-impact' {
    $datalake = Get-LakeCirclePlan -Endpoint $endpoint -Snapshot $snapshot -Bucket acme-datalake -WarningAction SilentlyContinue
    Assert ($datalake.IsDestructive) "impact: $($datalake.ImpactKind)"
}

if ($Lakecircle) {
    $summary = Get-LakeCirclePlan -Endpoint $endpoint -Snapshot $snapshot -Summary -WarningAction SilentlyContinue
    Check 'cli-json-matches-module' {
        $json = & $Lakecircle dryrun --endpoint $endpoint --snapshot $snapshot --output json 2>$null | ConvertFrom-Json
        Assert ($LASTEXITCODE -eq 0) "exit code $LASTEXITCODE"
        foreach ($name in 'BucketsChanged', 'RulesAdded', 'RulesRemoved', 'RulesChanged', 'BucketsInSync', 'BucketsMissing', 'BucketsUnmanaged', 'BucketsFailed') {
            $key = $name.Substring(0, 1).ToLowerInvariant() + $name.Substring(1)
            Assert ($json.summary.$key -eq $summary.$name) "summary.$key is $($json.summary.$key), the module says $($summary.$name)"
        }
        $names = @($json.buckets | Where-Object status -eq 'change' | ForEach-Object name | Sort-Object)
        Assert (($names -join ',') -eq 'acme-backups,acme-datalake') "changed buckets: $($names -join ', ')"
    }

    Check 'cli-detailed-exitcode' {
        $null = & $Lakecircle dryrun --endpoint $endpoint --snapshot $snapshot --detailed-exitcode 2>$null
        Assert ($LASTEXITCODE -eq 2) "exit code $LASTEXITCODE, not 2"
        $null = & $Lakecircle dryrun --endpoint "$syncCopy/endpoint" --snapshot "$syncCopy/account.json" --bucket acme-logs --detailed-exitcode 2>$null
        Assert ($LASTEXITCODE -eq 0) "exit code $LASTEXITCODE without changes, not 0"
    }

    Check 'cli-json-is-a-versioned-contract' {
        $json = & $Lakecircle dryrun --endpoint $endpoint --snapshot $snapshot --output json --quiet | ConvertFrom-Json
        Assert ($json.schemaVersion -eq 1) "schemaVersion $($json.schemaVersion)"
        Assert ($json.tool.name -eq 'lakecircle' -and $json.tool.version) "tool $($json.tool | ConvertTo-Json -Compress)"
        Assert ($json.account -eq '123456789012' -and $json.region) "account $($json.account), region $($json.region)"
        Assert ($json.generatedAt -is [datetime]) "generatedAt $($json.generatedAt) is not a time"
        $days = $json.buckets | Where-Object name -eq 'acme-backups' | ForEach-Object { $_.rules.changed } | ForEach-Object fields |
            Where-Object field -eq 'Expiration.Days'
        Assert ($days.before -is [long] -and $days.after -is [long]) "Expiration.Days before/after are $($days.before.GetType()) / $($days.after.GetType()), not numbers"
    }

    Check 'cli-quiet-keeps-stderr-empty-under-stop' {
        $stderr = Join-Path $Work 'quiet-stderr.txt'
        $ErrorActionPreference = 'Stop'
        $json = & $Lakecircle dryrun --endpoint $endpoint --snapshot $snapshot --output json --quiet 2>$stderr | ConvertFrom-Json
        Assert ($LASTEXITCODE -eq 0) "exit code $LASTEXITCODE"
        Assert ($json.succeeded) 'the dryrun did not succeed'
        Assert ((Get-Item $stderr).Length -eq 0) "stderr was not empty: $(Get-Content -Raw $stderr)"
        $all = & $Lakecircle dryrun --endpoint $endpoint --snapshot $snapshot --quiet 2>&1
        Assert (@($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count -eq 0) "stderr lines became error records: $($all -join ' | ')"
    }

    Check 'cli-json-error-is-json' {
        $json = & $Lakecircle dryrun --endpoint $endpoint --snapshot $snapshot --account 111111111111 --output json 2>$null | ConvertFrom-Json
        Assert ($LASTEXITCODE -eq 1) "exit code $LASTEXITCODE, not 1"
        Assert (-not $json.succeeded) 'succeeded is not false'
        Assert ($json.schemaVersion -eq 1 -and $json.error.code -eq 'configuration') "error $($json.error | ConvertTo-Json -Compress)"
        Assert ($json.error.message -match 'snapshot') "message: $($json.error.message)"
    }
}

Check 'quickstart-left-unchanged' {
    Assert (((Get-Tree $Quickstart) -join "`n") -eq ($quickstartBefore -join "`n")) 'files under the quick-start folder changed'
}

Write-Host "$($script:passed) passed, $($script:failed) failed"
exit ([int]($script:failed -gt 0))
