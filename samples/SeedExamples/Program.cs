using TorchSharp;
using static TorchSharp.torch;

// The three examples of "How can I resolve a RuntimeError about input and hidden state dimensions
// when running a simple PyTorch RNN?", translated from PyTorch to TorchSharp line by line.
// The article calls Example 1 and Example 3 correct; with batchFirst: true both throw in libtorch,
// because the batch is then dimension 0 of the input (10), not 32. `// expect:` marks the lines where
// RnnShapeAnalyzers reports, as the end-to-end test checks.

Example1();
Example2();
Example3();
Console.WriteLine("All three examples ran.");

// Example 1: "Correct Implementation"
static void Example1()
{
    // Input sequence: (sequence length, batch size, input size)
    var inputSeq = torch.randn(10, 32, 10); // 10 time steps, batch of 32, 10 input features

    // RNN layer with input size matching input data
    var rnn = nn.RNN(inputSize: 10, hiddenSize: 20, batchFirst: true); // batchFirst: true for (B, S, F)

    // Initial hidden state: (num_layers * num_directions, batch size, hidden_size)
    var hidden = torch.zeros(1, 32, 20);

    // Forward pass
    var (output, hN) = rnn.call(inputSeq, hidden); // expect: RNN003

    Console.WriteLine($"Example 1: output {Shape(output)}, hidden {Shape(hN)}");
}

// Example 2: "Incorrect Input Size"
static void Example2()
{
    var inputSeq = torch.randn(10, 32, 5); // Incorrect input size: 5 instead of 10

    var rnn = nn.RNN(inputSize: 10, hiddenSize: 20, batchFirst: true); // inputSize mismatch

    var hidden = torch.zeros(1, 32, 20);

    try
    {
        var (output, hN) = rnn.call(inputSeq, hidden); // expect: RNN001 RNN003
        Console.WriteLine($"Example 2: output {Shape(output)}, hidden {Shape(hN)}");
    }
    catch (Exception e)
    {
        Console.WriteLine($"RuntimeError: {e.Message.Split('\n')[0]}");
    }
}

// Example 3: "Handling Multiple Layers"
static void Example3()
{
    var inputSeq = torch.randn(10, 32, 10); // Correct input size

    // Multi-layered RNN
    var rnn = nn.RNN(inputSize: 10, hiddenSize: 20, numLayers: 2, batchFirst: true);

    // Initial hidden state: (num_layers * num_directions, batch size, hidden_size)
    var hidden = torch.zeros(2, 32, 20); // num_layers = 2

    var (output, hN) = rnn.call(inputSeq, hidden); // expect: RNN003

    Console.WriteLine($"Example 3: output {Shape(output)}, hidden {Shape(hN)}");
}

static string Shape(Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";
