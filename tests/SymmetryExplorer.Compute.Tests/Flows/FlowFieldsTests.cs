using SymmetryExplorer.Compute.Flows;

namespace SymmetryExplorer.Compute.Tests.Flows;

public class FlowFieldsTests
{
    [Fact]
    public void Solid_body_rotation_has_vorticity_two_and_speed_equal_to_the_radius()
    {
        // v = (-y, x) about the grid centre: counter-clockwise rotation with angular velocity 1.
        int n = 7;
        var frame = new float[2 * n * n];
        for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++)
        {
            frame[y * n + x] = -(y - 3);
            frame[n * n + y * n + x] = x - 3;
        }

        var omega = FlowFields.Vorticity(frame, n, n);
        var speed = FlowFields.Speed(frame, n, n);

        Assert.All(omega, w => Assert.Equal(2f, w, 5));
        Assert.Equal(MathF.Sqrt(3 * 3 + 1 * 1), speed[4 * n + 6], 5); // (x, y) = (6, 4): offset (3, 1)
        Assert.Equal(0f, speed[3 * n + 3]);
    }
}
