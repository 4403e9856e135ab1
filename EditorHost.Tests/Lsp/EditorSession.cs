using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace RnnShapeAnalyzers.EditorHost.Tests.Lsp
{
    /// <summary>
    /// The editor's side of an LSP session, as a minimal Neovim/Helix-like client: it opens a workspace
    /// folder, answers <c>workspace/configuration</c> from its settings, accepts every other server
    /// request (registrations, progress tokens) with a null result, opens documents and collects the
    /// diagnostics the server pushes with <c>textDocument/publishDiagnostics</c>.
    /// </summary>
    internal sealed class EditorSession
    {
        private readonly string _rootDirectory;
        private volatile JsonObject _settings;
        private readonly JsonRpcConnection _rpc;
        private readonly Channel<(string Path, JsonElement Diagnostics)> _published = Channel.CreateUnbounded<(string, JsonElement)>();
        private readonly ConcurrentQueue<string> _serverRequests = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<string> _configurationSections = new ConcurrentQueue<string>();

        /// <param name="settings">The user's settings, e.g. <c>{ "csharp": { "analyzersEnabled": true } }</c>.</param>
        public EditorSession(LanguageServerProcess server, string rootDirectory, JsonObject settings, LspTrafficLog log)
        {
            _rootDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));
            _settings = settings;
            _rpc = new JsonRpcConnection(server.Output, server.Input, log, AnswerServerRequest, OnNotification);
        }

        /// <summary>The methods of the requests the server sent us, in order.</summary>
        public IReadOnlyCollection<string> ServerRequests => _serverRequests.ToArray();

        /// <summary>The sections the server asked for with <c>workspace/configuration</c> ("" for all settings).</summary>
        public IReadOnlyCollection<string> ConfigurationSections => _configurationSections.ToArray();

        /// <summary><c>initialize</c>, then <c>initialized</c>; returns the server's capabilities.</summary>
        public async Task<JsonElement> InitializeAsync(CancellationToken cancellationToken)
        {
            var rootUri = Uri(_rootDirectory);
            var parameters = new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["clientInfo"] = new JsonObject { ["name"] = "RnnShapeAnalyzers.EditorHost.Tests", ["version"] = "1.0" },
                ["locale"] = "en",
                ["rootPath"] = _rootDirectory,
                ["rootUri"] = rootUri,
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = Path.GetFileName(_rootDirectory) }),
                ["capabilities"] = new JsonObject
                {
                    ["workspace"] = new JsonObject
                    {
                        ["configuration"] = true,
                        ["workspaceFolders"] = true,
                        ["didChangeConfiguration"] = new JsonObject { ["dynamicRegistration"] = true },
                    },
                    ["textDocument"] = new JsonObject
                    {
                        ["synchronization"] = new JsonObject { ["dynamicRegistration"] = true, ["didSave"] = true },
                        // No "diagnostic" capability: the server then pushes diagnostics for open documents.
                        ["publishDiagnostics"] = new JsonObject
                        {
                            ["relatedInformation"] = true,
                            ["versionSupport"] = true,
                            ["codeDescriptionSupport"] = true,
                            ["dataSupport"] = true,
                        },
                    },
                    ["window"] = new JsonObject { ["workDoneProgress"] = true },
                },
                ["trace"] = "off",
            };

            var result = await _rpc.RequestAsync("initialize", parameters, cancellationToken).ConfigureAwait(false);
            await _rpc.NotifyAsync("initialized", new JsonObject(), cancellationToken).ConfigureAwait(false);
            return result.TryGetProperty("capabilities", out var capabilities) ? capabilities : result;
        }

        public Task OpenAsync(string path, CancellationToken cancellationToken) =>
            _rpc.NotifyAsync("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject
                {
                    ["uri"] = Uri(path),
                    ["languageId"] = "csharp",
                    ["version"] = 1,
                    ["text"] = File.ReadAllText(path),
                },
            }, cancellationToken);

        /// <summary>The user edits the document: <c>textDocument/didChange</c> with its whole new text.</summary>
        public Task ChangeAsync(string path, string text, int version, CancellationToken cancellationToken) =>
            _rpc.NotifyAsync("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["version"] = version },
                ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
            }, cancellationToken);

        /// <summary>
        /// The first diagnostics the server publishes for <paramref name="path"/> that <paramref name="accept"/>
        /// takes (earlier publications, e.g. while the project still loads, are skipped).
        /// </summary>
        public async Task<JsonElement> WaitForDiagnosticsAsync(string path, Func<JsonElement, bool> accept, CancellationToken cancellationToken)
        {
            var wanted = Path.GetFullPath(path);
            while (true)
            {
                var (published, diagnostics) = await _published.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (string.Equals(published, wanted, StringComparison.Ordinal) && accept(diagnostics))
                {
                    return diagnostics;
                }
            }
        }

        /// <summary>The user edits the settings: <c>workspace/didChangeConfiguration</c> with all of them.</summary>
        public Task ChangeSettingsAsync(JsonObject settings, CancellationToken cancellationToken)
        {
            _settings = settings;
            return _rpc.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = settings.DeepClone() }, cancellationToken);
        }

        /// <summary><c>shutdown</c>, then <c>exit</c>: after this the server should end by itself.</summary>
        public async Task ShutdownAsync(CancellationToken cancellationToken)
        {
            await _rpc.RequestAsync("shutdown", null, cancellationToken).ConfigureAwait(false);
            await _rpc.NotifyAsync("exit", null, cancellationToken).ConfigureAwait(false);
        }

        private static string Uri(string path) => new Uri(path).AbsoluteUri;

        private JsonNode? AnswerServerRequest(string method, JsonElement parameters)
        {
            _serverRequests.Enqueue(method);
            return method == "workspace/configuration" ? Configuration(parameters) : null;
        }

        /// <summary>One answer per requested item: the settings under its dotted section, or all of them.</summary>
        private JsonArray Configuration(JsonElement parameters)
        {
            var answers = new JsonArray();
            foreach (var item in parameters.GetProperty("items").EnumerateArray())
            {
                var section = item.TryGetProperty("section", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : string.Empty;
                _configurationSections.Enqueue(section);
                JsonNode? node = _settings;
                foreach (var part in section.Split('.', StringSplitOptions.RemoveEmptyEntries))
                {
                    node = node is JsonObject parent && parent.TryGetPropertyValue(part, out var child) ? child : null;
                }

                answers.Add(node?.DeepClone());
            }

            return answers;
        }

        private void OnNotification(string method, JsonElement parameters)
        {
            if (method == "textDocument/publishDiagnostics")
            {
                var path = new Uri(parameters.GetProperty("uri").GetString()!).LocalPath;
                _published.Writer.TryWrite((path, parameters.GetProperty("diagnostics").Clone()));
            }
        }
    }
}
