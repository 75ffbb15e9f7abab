using System.Buffers.Text;
using System.Security.Cryptography;
using FourDuty.Engine.Runtime.Store;

namespace FourDuty.Engine.Runtime.Tasks;

/// <summary>
/// The secret a task link's token is derived from: the token of the link an outbox row carries is the HMAC-SHA256 of
/// the row's id under this key. So the step that writes the row stores the link (only the token's hash), and every
/// delivery of the row, on any node, after any crash, puts the same token in the mail; the token itself is never stored.
/// The key is <see cref="EngineOptions.TaskLinkKey"/> when set (base64, at least 32 bytes), else one the engine made once
/// and keeps in its own database (decision 0024).
/// </summary>
internal sealed class TaskLinkKey(EngineOptions options, IEngineStore store)
{
    private byte[]? _key = Configured(options.TaskLinkKey);

    /// <summary>Reads (or makes and stores) the key the first time; after that it returns at once.</summary>
    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _key) is null)
        {
            Volatile.Write(ref _key, await store.KeepTaskLinkKeyAsync(RandomNumberGenerator.GetBytes(32), cancellationToken));
        }
    }

    /// <summary>The token of the link carried by the outbox row <paramref name="outboxId"/>: 43 URL-safe characters.</summary>
    /// <exception cref="InvalidOperationException"><see cref="EnsureAsync"/> has not run.</exception>
    public string TokenFor(Guid outboxId)
    {
        var key = Volatile.Read(ref _key) ?? throw new InvalidOperationException("The task link key is not loaded yet.");
        Span<byte> id = stackalloc byte[16];
        outboxId.TryWriteBytes(id);
        return Base64Url.EncodeToString(HMACSHA256.HashData(key, id));
    }

    private static byte[]? Configured(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var bytes = Convert.FromBase64String(text.Trim());
        return bytes.Length >= 32
            ? bytes
            : throw new InvalidOperationException($"Engine:TaskLinkKey must be at least 32 bytes in base64 (it has {bytes.Length}); leave it empty to let the engine keep one in its database.");
    }
}
