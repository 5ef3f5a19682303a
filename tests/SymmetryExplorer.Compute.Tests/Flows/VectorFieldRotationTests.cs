using SymmetryExplorer.Compute.Flows;

namespace SymmetryExplorer.Compute.Tests.Flows;

public class VectorFieldRotationTests
{
    [Fact]
    public void A_quarter_turn_moves_a_rightward_vector_at_the_right_edge_to_an_upward_vector_at_the_top()
    {
        // N = 4; a single vector (1, 0) in the middle row band, at the right edge: cell (y = 1, x = 3).
        int n = 4;
        var frame = new float[2 * n * n];
        frame[1 * n + 3] = 1f;

        var r = VectorFieldRotation.Rotate(frame, n, 1);

        // Point (x, y) = (3.5, 1.5) goes to (N - y, x) = (2.5, 3.5): cell (y = 3, x = 2), vector (0, 1).
        Assert.Equal(0f, r[3 * n + 2]);
        Assert.Equal(1f, r[n * n + 3 * n + 2]);
        Assert.Equal(1, r.Count(v => v != 0));
    }

    [Fact]
    public void Four_quarter_turns_are_the_identity_and_turns_compose()
    {
        int n = 5;
        var rng = new Random(1);
        var frame = Enumerable.Range(0, 2 * n * n).Select(_ => (float)rng.NextDouble()).ToArray();

        var once = VectorFieldRotation.Rotate(frame, n, 1);
        var twice = VectorFieldRotation.Rotate(once, n, 1);
        Assert.Equal(VectorFieldRotation.Rotate(frame, n, 2), twice);
        Assert.Equal(VectorFieldRotation.Rotate(frame, n, -1), VectorFieldRotation.Rotate(twice, n, 1));
        Assert.Equal(frame, VectorFieldRotation.Rotate(VectorFieldRotation.Rotate(twice, n, 1), n, 1));
    }
}
