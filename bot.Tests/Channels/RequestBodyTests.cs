using AccountCoachBot.Channels;
using Microsoft.AspNetCore.Http;

namespace AccountCoachBot.Tests.Channels;

public sealed class RequestBodyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(40_000)] // more than one chunk
    public async Task ReadAsync_ReturnsTheWholeBody_WithOrWithoutContentLength(int size)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)(i % 251)).ToArray();

        Assert.Equal(bytes, await RequestBody.ReadAsync(Request(bytes, declared: true), 64_000, CancellationToken.None));
        Assert.Equal(bytes, await RequestBody.ReadAsync(Request(bytes, declared: false), 64_000, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_ReturnsTheBody_WhenExactlyAtTheLimit()
    {
        var bytes = new byte[20_000];
        Assert.Equal(20_000, (await RequestBody.ReadAsync(Request(bytes, declared: false), 20_000, CancellationToken.None))!.Length);
        Assert.Equal(20_000, (await RequestBody.ReadAsync(Request(bytes, declared: true), 20_000, CancellationToken.None))!.Length);
    }

    [Fact]
    public async Task ReadAsync_ReadsNothing_WhenTheDeclaredLengthIsOverTheLimit()
    {
        var body = new CountingStream(new byte[20_001]);
        var request = new DefaultHttpContext().Request;
        request.Body = body;
        request.ContentLength = 20_001;

        Assert.Null(await RequestBody.ReadAsync(request, 20_000, CancellationToken.None));
        Assert.Equal(0, body.BytesRead);
    }

    [Fact]
    public async Task ReadAsync_StopsAtTheFirstChunkPastTheLimit_WhenNoLengthIsDeclared()
    {
        var body = new CountingStream(new byte[1_000_000]);
        var request = new DefaultHttpContext().Request;
        request.Body = body;

        Assert.Null(await RequestBody.ReadAsync(request, 20_000, CancellationToken.None));
        Assert.InRange(body.BytesRead, 20_001, 20_000 + 16 * 1024); // not the whole megabyte
    }

    private static HttpRequest Request(byte[] bytes, bool declared)
    {
        var request = new DefaultHttpContext().Request;
        request.Body = new MemoryStream(bytes);
        if (declared) request.ContentLength = bytes.Length;
        return request;
    }

    /// <summary>A body that counts what was read from it.</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public long BytesRead { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }
    }
}
