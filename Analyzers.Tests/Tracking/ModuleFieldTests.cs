using System.Threading;
using Microsoft.CodeAnalysis.Testing;
using System.Threading.Tasks;
using RnnShapeAnalyzers.CodeFixes;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyFix = RnnShapeAnalyzers.Tests.Verifiers.Verify<RnnShapeAnalyzers.CodeFixes.InputFeatureSizeCodeFixProvider>;

namespace RnnShapeAnalyzers.Tests.Tracking
{
    /// <summary>
    /// Layers held by fields and auto-properties of a module, built in the constructor (or an initializer)
    /// and called in <c>forward</c>: followed only when no other type can assign them and every assignment
    /// is plain, and named in the message by where they were set. Every reported case throws in libtorch;
    /// a silent case sits next to a reported control where the same code with a followable member is caught.
    /// </summary>
    public class ModuleFieldTests
    {
        [Fact]
        public Task PrivateFieldSetInTheConstructorIsNamedInTheMessage() => Verify.AnalyzerAsync(
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Encoder : nn.Module<Tensor, Tensor>
            {
                private LSTM lstm;

                public Encoder() : base(nameof(Encoder))
                {
                    lstm = nn.LSTM(10, 20, numLayers: 2);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x)
                {
                    var h0 = torch.zeros(1, x.shape[1], 20);
                    var c0 = torch.zeros(2, x.shape[1], 20);
                    var (output, _, _) = lstm.call(x, ({|#0:h0|}, c0));
                    return output;
                }
            }
            """,
            Verify.Diagnostic("RNN002").WithLocation(0).WithMessage(
                "h0 has shape [1, x.shape[1], 20] but the LSTM in field `lstm` set in the constructor at line 11 expects [2, x.shape[1], 20]: dimension 0 is 1 but must be numLayers * directions = 2 * 1 = 2"));

        [Fact]
        public Task ReadonlyFieldInitializerIsNamedAsItsInitializer() => Verify.AnalyzerAsync(
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Tagger : nn.Module<Tensor, Tensor>
            {
                public readonly GRU gru = nn.GRU(10, 20);

                public Tagger() : base(nameof(Tagger)) => RegisterComponents();

                public override Tensor forward(Tensor x)
                    => gru.call(x, {|#0:torch.zeros(1, x.shape[1], 30)|}).Item1;
            }
            """,
            Verify.Diagnostic("RNN002").WithLocation(0).WithMessage(
                "h0 has shape [1, x.shape[1], 30] but the GRU in field `gru` set in its initializer at line 7 expects [1, x.shape[1], 20]: dimension 2 is 30 but must be hiddenSize 20"));

        [Fact]
        public Task GetOnlyAutoPropertySetInTheConstructor() => Verify.AnalyzerAsync(
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Tagger : nn.Module<Tensor, Tensor>
            {
                public GRU Gru { get; }

                public Tagger() : base(nameof(Tagger))
                {
                    Gru = nn.GRU(10, 20, numLayers: 3);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x)
                    => Gru.call(x, {|#0:torch.zeros(1, x.shape[1], 20)|}).Item1;
            }
            """,
            Verify.Diagnostic("RNN002").WithLocation(0).WithMessage(
                "h0 has shape [1, x.shape[1], 20] but the GRU in property `Gru` set in the constructor at line 11 expects [3, x.shape[1], 20]: dimension 0 is 1 but must be numLayers * directions = 3 * 1 = 3"));

        [Fact]
        public Task AutoPropertyWithAPrivateSetter() => Verify.AnalyzerAsync("""
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Tagger : nn.Module<Tensor, Tensor>
            {
                public GRU Gru { get; private set; }

                public Tagger() : base(nameof(Tagger))
                {
                    Gru = nn.GRU(10, 20, numLayers: 3);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x)
                    => Gru.call(x, {|RNN002:torch.zeros(1, x.shape[1], 20)|}).Item1;
            }
            """);

        [Fact]
        public Task AssignmentInsideRegisterModule() => Verify.AnalyzerAsync("""
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Encoder : nn.Module<Tensor, Tensor>
            {
                private readonly LSTM lstm;

                public Encoder() : base(nameof(Encoder))
                {
                    register_module("lstm", lstm = nn.LSTM(10, 20, bidirectional: true));
                }

                public override Tensor forward(Tensor x)
                {
                    var state = torch.zeros(1, x.shape[1], 20);
                    return lstm.call(x, ({|RNN002:state|}, {|RNN002:state|})).Item1;
                }
            }
            """);

        [Fact]
        public Task FieldSetInAnotherMethodNamesThatMethod() => Verify.AnalyzerAsync(
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Tagger : nn.Module<Tensor, Tensor>
            {
                private GRU gru;

                public Tagger() : base(nameof(Tagger))
                {
                    Build();
                    RegisterComponents();
                }

                private void Build()
                {
                    gru = nn.GRU(10, 20, numLayers: 2);
                }

                public override Tensor forward(Tensor x)
                    => gru.call(x, {|#0:torch.zeros(1, x.shape[1], 20)|}).Item1;
            }
            """,
            Verify.Diagnostic("RNN002").WithLocation(0).WithMessage(
                "h0 has shape [1, x.shape[1], 20] but the GRU in field `gru` set in `Build` at line 17 expects [2, x.shape[1], 20]: dimension 0 is 1 but must be numLayers * directions = 2 * 1 = 2"));

        /// <summary>Rows of a 28 x 28 image read by an LSTM built for 14 features: the fix edits the constructor.</summary>
        [Fact]
        public Task SetInputSizeEditsTheFactoryCallInTheConstructor() => VerifyFix.CodeFixAsync(
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class ImageRows : nn.Module<Tensor, Tensor>
            {
                private readonly LSTM lstm;

                public ImageRows() : base(nameof(ImageRows))
                {
                    lstm = nn.LSTM(14, 64, batchFirst: true);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor images)
                    => lstm.call({|RNN001:images.reshape(-1, 28, 28)|}).Item1;
            }
            """,
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class ImageRows : nn.Module<Tensor, Tensor>
            {
                private readonly LSTM lstm;

                public ImageRows() : base(nameof(ImageRows))
                {
                    lstm = nn.LSTM(28, 64, batchFirst: true);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor images)
                    => lstm.call(images.reshape(-1, 28, 28)).Item1;
            }
            """,
            InputFeatureSizeCodeFixProvider.SetInputSize);

        /// <summary>Two constructors build the same layer: it is known, but editing one factory call would leave the other.</summary>
        [Fact]
        public Task SameConfigurationAssignedTwiceIsReportedButNoFixEditsTheLayer() => VerifyFix.NoCodeFixAsync(
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class ImageRows : nn.Module<Tensor, Tensor>
            {
                private readonly LSTM lstm;

                public ImageRows() : base(nameof(ImageRows))
                {
                    lstm = nn.LSTM(14, 64, batchFirst: true);
                    RegisterComponents();
                }

                public ImageRows(string name) : base(name)
                {
                    lstm = nn.LSTM(14, 64, batchFirst: true);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor images)
                    => lstm.call({|RNN001:images.reshape(-1, 28, 28)|}).Item1;
            }
            """,
            InputFeatureSizeCodeFixProvider.SetInputSize);

        [Fact]
        public Task SameConfigurationAssignedTwiceNamesTheFirstAssignment() => Verify.AnalyzerAsync(
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class ImageRows : nn.Module<Tensor, Tensor>
            {
                private const int Rows = 28;
                private LSTM lstm = nn.LSTM(14, 64, batchFirst: true);

                public ImageRows() : base(nameof(ImageRows)) => RegisterComponents();

                public void Reset() => lstm = nn.LSTM(7 * 2, 64, batchFirst: !false);

                public override Tensor forward(Tensor images)
                    => lstm.call({|#0:images.reshape(-1, Rows, Rows)|}).Item1;
            }
            """,
            Verify.Diagnostic("RNN001").WithLocation(0).WithMessage(
                "Input [?, 28, 28] has 28 features in its last dimension but the LSTM in field `lstm` set in its initializer at line 8 was built with inputSize 14; expected input shape [?, 28, 14]"));

        /// <summary>One constructor builds the layer for 28 features, the other for 14: neither is proven, so nothing is reported.</summary>
        [Fact]
        public Task DifferentConfigurationsMakeTheFieldUnknown() => Verify.AnalyzerAsync("""
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class ImageRows : nn.Module<Tensor, Tensor>
            {
                private readonly LSTM lstm;
                private readonly LSTM control;

                public ImageRows(bool halfWidth) : base(nameof(ImageRows))
                {
                    if (halfWidth)
                    {
                        lstm = nn.LSTM(14, 64, batchFirst: true);
                    }
                    else
                    {
                        lstm = nn.LSTM(28, 64, batchFirst: true);
                    }

                    control = nn.LSTM(14, 64, batchFirst: true);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor images)
                {
                    control.call({|RNN001:images.reshape(-1, 28, 28)|});
                    return lstm.call(images.reshape(-1, 28, 28)).Item1;
                }
            }
            """);

        [Fact]
        public Task MembersOtherTypesCanAssignAreNotFollowed() => Verify.AnalyzerAsync("""
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Tagger : nn.Module<Tensor, Tensor>
            {
                public GRU publicField = nn.GRU(10, 20);
                internal GRU internalField = nn.GRU(10, 20);
                public GRU Settable { get; set; } = nn.GRU(10, 20);
                public GRU InitOnly { get; init; } = nn.GRU(10, 20);
                private readonly GRU control = nn.GRU(10, 20);

                public Tagger() : base(nameof(Tagger)) => RegisterComponents();

                public override Tensor forward(Tensor x)
                {
                    var wrongHidden = torch.zeros(1, x.shape[1], 30);
                    publicField.call(x, wrongHidden);
                    internalField.call(x, wrongHidden);
                    Settable.call(x, wrongHidden);
                    InitOnly.call(x, wrongHidden);
                    return control.call(x, {|RNN002:wrongHidden|}).Item1;
                }
            }
            """);

        [Fact]
        public Task FieldPassedByRefOrAssignedByCoalescingIsNotFollowed() => Verify.AnalyzerAsync("""
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Tagger : nn.Module<Tensor, Tensor>
            {
                private GRU byRef = nn.GRU(10, 20);
                private GRU lazy;
                private GRU control = nn.GRU(10, 20);

                public Tagger() : base(nameof(Tagger))
                {
                    Replace(ref byRef);
                    RegisterComponents();
                }

                private static void Replace(ref GRU gru) => gru = nn.GRU(10, 30);

                public override Tensor forward(Tensor x)
                {
                    lazy ??= nn.GRU(10, 20);
                    var wrongHidden = torch.zeros(1, x.shape[1], 30);
                    byRef.call(x, wrongHidden);
                    lazy.call(x, wrongHidden);
                    return control.call(x, {|RNN002:wrongHidden|}).Item1;
                }
            }
            """);

        [Fact]
        public Task FieldsAssignedTogetherByDeconstructionAreNotFollowed() => Verify.AnalyzerAsync("""
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Tagger : nn.Module<Tensor, Tensor>
            {
                private readonly GRU first;
                private readonly GRU second;
                private readonly GRU control;

                public Tagger() : base(nameof(Tagger))
                {
                    (first, second) = (nn.GRU(10, 20), nn.GRU(10, 20));
                    control = nn.GRU(10, 20);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x)
                {
                    var wrongHidden = torch.zeros(1, x.shape[1], 30);
                    second.call(x, wrongHidden);
                    first.call(x, wrongHidden);
                    return control.call(x, {|RNN002:wrongHidden|}).Item1;
                }
            }
            """);

        [Fact]
        public Task FieldAssignedFromANestedTypeIsNotFollowed() => Verify.AnalyzerAsync("""
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Tagger : nn.Module<Tensor, Tensor>
            {
                private GRU fromNested = nn.GRU(10, 20);
                private GRU control = nn.GRU(10, 20);

                public Tagger() : base(nameof(Tagger)) => RegisterComponents();

                public override Tensor forward(Tensor x)
                {
                    var wrongHidden = torch.zeros(1, x.shape[1], 30);
                    fromNested.call(x, wrongHidden);
                    return control.call(x, {|RNN002:wrongHidden|}).Item1;
                }

                private static class Rebuilder
                {
                    public static void Widen(Tagger tagger) => tagger.fromNested = nn.GRU(10, 30);
                }
            }
            """);

        [Fact]
        public Task FieldInheritedFromABaseTypeIsNotFollowed() => Verify.AnalyzerAsync("""
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            abstract class RecurrentBase : nn.Module<Tensor, Tensor>
            {
                protected readonly GRU gru = nn.GRU(10, 20);

                protected RecurrentBase() : base("recurrent") { }

                public Tensor Own(Tensor x) => gru.call(x, {|RNN002:torch.zeros(1, x.shape[1], 30)|}).Item1;
            }

            sealed class Tagger : RecurrentBase
            {
                public override Tensor forward(Tensor x) => gru.call(x, torch.zeros(1, x.shape[1], 30)).Item1;
            }
            """);

        [Fact]
        public Task SizesFromConstFieldsAndReadonlyFieldsSetInTheConstructor() => Verify.AnalyzerAsync(
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Forecaster : nn.Module<Tensor, Tensor>
            {
                private const long Features = 6;
                private readonly long hidden;
                private readonly long layers;
                private readonly GRU gru;

                public Forecaster() : base(nameof(Forecaster))
                {
                    hidden = 32;
                    layers = 1 + 1;
                    gru = nn.GRU(Features, hidden, numLayers: layers, batchFirst: true);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x)
                {
                    var h0 = torch.zeros(layers, x.shape[0], hidden / 2);
                    return gru.call({|#0:x.view(-1, 24, Features + 1)|}, {|#1:h0|}).Item1;
                }
            }
            """,
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[?, 24, 7]", "7", "GRU in field `gru` set in the constructor at line 16", "6", "[?, 24, 6]"),
            Verify.Diagnostic("RNN002").WithLocation(1));

        /// <summary>A readonly size set to 32 in one constructor and 64 in another is unknown; set to 32 in both, it is 32.</summary>
        [Fact]
        public Task ReadonlySizeIsKnownOnlyWhenEveryAssignmentAgrees() => Verify.AnalyzerAsync("""
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Forecaster : nn.Module<Tensor, Tensor>
            {
                private readonly long agreed;
                private readonly long disputed;
                private readonly GRU gru;

                public Forecaster() : base(nameof(Forecaster))
                {
                    agreed = 32;
                    disputed = 32;
                    gru = nn.GRU(6, 32);
                    RegisterComponents();
                }

                public Forecaster(string name) : base(name)
                {
                    agreed = 32;
                    disputed = 64;
                    gru = nn.GRU(6, 32);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x)
                {
                    gru.call(x, torch.zeros(1, x.shape[1], disputed));
                    return gru.call(x, {|RNN002:torch.zeros(2, x.shape[1], agreed)|}).Item1;
                }
            }
            """);

        /// <summary>
        /// Sizes from constructor parameters are unknown: no size rule can be proven. The input's own
        /// dimensions are named, though, so a state built from the sequence dimension is still a proven mix-up.
        /// </summary>
        [Fact]
        public Task LayerBuiltFromConstructorParametersIsCheckedOnlyByNamedDimensions() => Verify.AnalyzerAsync(
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class ConfigurableTagger : nn.Module<Tensor, Tensor>
            {
                private readonly long hidden;
                private readonly GRU gru;

                public ConfigurableTagger(long features, long hidden, long layers) : base(nameof(ConfigurableTagger))
                {
                    this.hidden = hidden;
                    gru = nn.GRU(features, hidden, numLayers: layers);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x)
                {
                    gru.call(x.reshape(-1, 28, 28), torch.zeros(1, 28, 20));
                    gru.call(x, torch.zeros(2, x.shape[1], hidden));
                    return gru.call(x, {|#0:torch.zeros(1, x.shape[0], hidden)|}).Item1;
                }
            }
            """,
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments(
                "h0", "x.shape[0]", "x.shape[1]", "false", "1", "[x.shape[0], x.shape[1], x.shape[2]]", "[1, x.shape[1], ?]", string.Empty));

        [Fact]
        public Task NestedTypesAreAnalysedOnTheirOwn() => Verify.AnalyzerAsync("""
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Outer : nn.Module<Tensor, Tensor>
            {
                private readonly GRU gru = nn.GRU(10, 20);
                private readonly Inner inner = new Inner();

                public Outer() : base(nameof(Outer)) => RegisterComponents();

                public override Tensor forward(Tensor x)
                {
                    gru.call(x, torch.zeros(1, x.shape[1], 20));
                    return inner.call(gru.call(x, {|RNN002:torch.zeros(1, x.shape[1], 40)|}).Item1);
                }

                private sealed class Inner : nn.Module<Tensor, Tensor>
                {
                    private readonly GRU gru = nn.GRU(20, 40);

                    public Inner() : base(nameof(Inner)) => RegisterComponents();

                    public override Tensor forward(Tensor x)
                    {
                        gru.call(x, torch.zeros(1, x.shape[1], 40));
                        return gru.call(x, {|RNN002:torch.zeros(1, x.shape[1], 20)|}).Item1;
                    }
                }
            }
            """);

        [Fact]
        public Task PartialClassAcrossTwoFiles()
        {
            var test = new Verify<EmptyCodeFixProvider>.Test();
            test.TestState.Sources.Add("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                sealed partial class Tagger : nn.Module<Tensor, Tensor>
                {
                    private readonly GRU gru;

                    public Tagger() : base(nameof(Tagger))
                    {
                        gru = nn.GRU(10, 20, numLayers: 2);
                        RegisterComponents();
                    }
                }
                """);
            test.TestState.Sources.Add("""
                using TorchSharp;
                using static TorchSharp.torch;

                sealed partial class Tagger
                {
                    public override Tensor forward(Tensor x)
                        => gru.call(x, {|#0:torch.zeros(1, x.shape[1], 20)|}).Item1;
                }
                """);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RNN002").WithLocation(0).WithArguments(
                "h0", "[1, x.shape[1], 20]", "GRU in field `gru` set in the constructor at line 11", "[2, x.shape[1], 20]", "dimension 0 is 1 but must be numLayers * directions = 2 * 1 = 2"));
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>
        /// Each file of a partial type is analysed on its own, with the calls of the type's other files
        /// in view: a mistake in either file is reported once, in its own file.
        /// </summary>
        [Fact]
        public Task PartialClassWithCallsInBothFilesReportsEachMistakeOnce()
        {
            var test = new Verify<EmptyCodeFixProvider>.Test();
            test.TestState.Sources.Add("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                sealed partial class Tagger : nn.Module<Tensor, Tensor>
                {
                    private readonly GRU gru;

                    public Tagger() : base(nameof(Tagger))
                    {
                        gru = nn.GRU(10, 20, numLayers: 2);
                        RegisterComponents();
                    }

                    public Tensor Warm(Tensor x) => gru.call(x, {|#0:torch.zeros(1, x.shape[1], 20)|}).Item1;
                }
                """);
            test.TestState.Sources.Add("""
                using TorchSharp;
                using static TorchSharp.torch;

                sealed partial class Tagger
                {
                    public override Tensor forward(Tensor x)
                        => gru.call(x, {|#1:torch.zeros(1, x.shape[1], 20)|}).Item1;

                    public Tensor Right(Tensor x) => gru.call(x, torch.zeros(2, x.shape[1], 20)).Item1;
                }
                """);
            foreach (var location in new[] { 0, 1 })
            {
                test.ExpectedDiagnostics.Add(Verify.Diagnostic("RNN002").WithLocation(location).WithArguments(
                    "h0", "[1, x.shape[1], 20]", "GRU in field `gru` set in the constructor at line 11", "[2, x.shape[1], 20]", "dimension 0 is 1 but must be numLayers * directions = 2 * 1 = 2"));
            }

            return test.RunAsync(CancellationToken.None);
        }
    }
}
