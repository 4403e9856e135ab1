using TorchSharp;
using static TorchSharp.torch;

// One mistake per rule, each on a line marked `// expect:`. `dotnet build` shows the warnings;
// `dotnet format analyzers --diagnostics RNN001 RNN002 RNN003 RNN004 --severity warn` fixes them all,
// after which every call runs. The end-to-end test does exactly that.

WrongInputSize();
TooFewLayersInTheState();
BatchFirstForgotten();
UnbatchedInput();
Console.WriteLine("All four ran.");

// RNN001: the layer was built for 6 features, the data has 4.
static void WrongInputSize()
{
    var features = torch.randn(7, 3, 4);
    var rnn = nn.RNN(6, 12);
    var (output, _) = rnn.call(features); // expect: RNN001
    Console.WriteLine($"RNN001 fixed: output {Shape(output)}");
}

// RNN002: a two-layer LSTM needs a state for each layer.
static void TooFewLayersInTheState()
{
    const int Hidden = 16;
    var lstm = nn.LSTM(8, Hidden, numLayers: 2);
    var h0 = torch.zeros(1, 4, Hidden);
    var c0 = torch.zeros(1, 4, Hidden);
    var (output, hN, cN) = lstm.call(torch.randn(10, 4, 8), (h0, c0)); // expect: RNN002 RNN002
    Console.WriteLine($"RNN002 fixed: output {Shape(output)}, h_n {Shape(hN)}");
}

// RNN003: batch-first data and a state for batch 3, but the layer reads the batch from dimension 1.
static void BatchFirstForgotten()
{
    var batch = torch.randn(3, 5, 8); // 3 sequences of 5 steps
    var gru = nn.GRU(8, 16);
    var (output, hN) = gru.call(batch, torch.zeros(1, 3, 16)); // expect: RNN003
    Console.WriteLine($"RNN003 fixed: output {Shape(output)}, h_n {Shape(hN)}");
}

// RNN004: PyTorch accepts an unbatched (sequence, features) input; TorchSharp does not.
static void UnbatchedInput()
{
    var sequence = torch.randn(5, 8);
    var gru = nn.GRU(8, 16);
    var (output, _) = gru.call(sequence); // expect: RNN004
    Console.WriteLine($"RNN004 fixed: output {Shape(output)}");
}

static string Shape(Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";
