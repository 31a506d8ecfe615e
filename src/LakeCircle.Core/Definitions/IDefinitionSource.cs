namespace LakeCircle.Core.Definitions;

/// <summary>Where definition files come from: a local folder or file, or an S3 prefix.</summary>
internal interface IDefinitionSource
{
    /// <summary>Where the definitions are, as said in messages: a folder or file path, or <c>s3://bucket/prefix/</c>.</summary>
    string Location => "the definition folder";

    /// <summary>Reads every definition file of the source, in path order.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The files with their raw content.</returns>
    Task<IReadOnlyList<DefinitionDocument>> ReadAsync(CancellationToken cancellationToken = default);
}
