using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace RnnShapeAnalyzers.EditorHost.Tests.Lsp
{
    /// <summary>
    /// JSON-RPC 2.0 over a pair of streams with LSP's <c>Content-Length</c> framing: requests and
    /// notifications to the server, its responses, and its own requests and notifications to us.
    /// </summary>
    internal sealed class JsonRpcConnection
    {
        private readonly Stream _fromServer;
        private readonly Stream _toServer;
        private readonly LspTrafficLog _log;
        private readonly Func<string, JsonElement, JsonNode?> _answerServerRequest;
        private readonly Action<string, JsonElement> _onNotification;
        private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _pending = new ConcurrentDictionary<long, TaskCompletionSource<JsonElement>>();
        private readonly SemaphoreSlim _writeLock = new SemaphoreSlim(1, 1);
        private long _nextId;

        /// <param name="answerServerRequest">The result for a request the server sends us (method, params).</param>
        /// <param name="onNotification">Called for each notification from the server (method, params).</param>
        public JsonRpcConnection(Stream fromServer, Stream toServer, LspTrafficLog log, Func<string, JsonElement, JsonNode?> answerServerRequest, Action<string, JsonElement> onNotification)
        {
            _fromServer = new BufferedStream(fromServer);
            _toServer = toServer;
            _log = log;
            _answerServerRequest = answerServerRequest;
            _onNotification = onNotification;
            Completion = Task.Run(ReadLoopAsync);
        }

        /// <summary>Ends when the server closes its output.</summary>
        public Task Completion { get; }

        public async Task<JsonElement> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
        {
            var id = Interlocked.Increment(ref _nextId);
            var response = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[id] = response;
            var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
            if (parameters is not null)
            {
                message["params"] = parameters;
            }

            await WriteAsync(message, cancellationToken).ConfigureAwait(false);
            using (cancellationToken.Register(() => response.TrySetCanceled(cancellationToken)))
            {
                return await response.Task.ConfigureAwait(false);
            }
        }

        public Task NotifyAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
        {
            var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
            if (parameters is not null)
            {
                message["params"] = parameters;
            }

            return WriteAsync(message, cancellationToken);
        }

        private async Task WriteAsync(JsonObject message, CancellationToken cancellationToken)
        {
            var json = message.ToJsonString();
            var body = Encoding.UTF8.GetBytes(json);
            var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                _log.Sent(json);
                await _toServer.WriteAsync(header, cancellationToken).ConfigureAwait(false);
                await _toServer.WriteAsync(body, cancellationToken).ConfigureAwait(false);
                await _toServer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }
        }

        private async Task ReadLoopAsync()
        {
            Exception closed = new IOException("the language server closed its output");
            try
            {
                while (await ReadMessageAsync().ConfigureAwait(false) is { } body)
                {
                    var json = Encoding.UTF8.GetString(body);
                    _log.Received(json);
                    await DispatchAsync(JsonSerializer.Deserialize<JsonElement>(json)).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                _log.Note("reading from the server stopped: " + e);
                closed = e;
            }
            finally
            {
                foreach (var pending in _pending.Values)
                {
                    pending.TrySetException(closed);
                }
            }
        }

        private async Task DispatchAsync(JsonElement message)
        {
            var hasMethod = message.TryGetProperty("method", out var method);
            var hasId = message.TryGetProperty("id", out var id);
            var parameters = message.TryGetProperty("params", out var p) ? p : default;
            if (hasMethod && hasId)
            {
                JsonNode? result;
                try
                {
                    result = _answerServerRequest(method.GetString()!, parameters);
                }
                catch (Exception e)
                {
                    _log.Note($"answering {method} failed: {e}");
                    result = null;
                }

                var response = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(id.GetRawText()), ["result"] = result };
                await WriteAsync(response, CancellationToken.None).ConfigureAwait(false);
            }
            else if (hasMethod)
            {
                _onNotification(method.GetString()!, parameters);
            }
            else if (hasId && id.ValueKind == JsonValueKind.Number && _pending.TryRemove(id.GetInt64(), out var pending))
            {
                if (message.TryGetProperty("error", out var error))
                {
                    pending.TrySetException(new InvalidOperationException("the language server answered with an error: " + error.GetRawText()));
                }
                else
                {
                    pending.TrySetResult(message.TryGetProperty("result", out var result) ? result : default);
                }
            }
        }

        /// <summary>One message body, or null at the end of the stream.</summary>
        private async Task<byte[]?> ReadMessageAsync()
        {
            int? length = null;
            while (true)
            {
                var line = await ReadHeaderLineAsync().ConfigureAwait(false);
                if (line is null)
                {
                    return null;
                }

                if (line.Length == 0)
                {
                    break;
                }

                var colon = line.IndexOf(':');
                if (colon > 0 && line.Substring(0, colon).Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line.Substring(colon + 1).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            if (length is null)
            {
                throw new InvalidDataException("a message from the language server had no Content-Length header");
            }

            var body = new byte[length.Value];
            await _fromServer.ReadExactlyAsync(body).ConfigureAwait(false);
            return body;
        }

        private async Task<string?> ReadHeaderLineAsync()
        {
            var line = new StringBuilder();
            var one = new byte[1];
            while (true)
            {
                if (await _fromServer.ReadAsync(one).ConfigureAwait(false) == 0)
                {
                    return line.Length == 0 ? null : throw new EndOfStreamException("the language server stopped in the middle of a header");
                }

                if (one[0] == (byte)'\n')
                {
                    return line.ToString().TrimEnd('\r');
                }

                line.Append((char)one[0]);
            }
        }
    }
}
