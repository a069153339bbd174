#pragma once
// The toy world: clips of one flat shape moving over a plain background, drawn procedurally and
// deterministically from a scene, each with the prompt that names it ("a red square moving in a
// circle on a grey background"). The toy model under resources/toy/ is trained on these clips;
// the demo's source clip and the toy tests' sources come from the same drawing, so what the
// model learned and what it is shown agree.

#include "inference/engine.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mbq::toy {

enum class Shape { Square, Circle, Triangle, Star };
enum class Colour { Red, Blue, Yellow, White };
enum class Backdrop { Grey, Green, Black };
enum class Motion { LeftToRight, RightToLeft, Circle, Bounce, ZigZag, Still };

// Every value of each, in a fixed order (the order the dataset cycles through).
const std::vector<Shape> &allShapes();
const std::vector<Colour> &allColours();
const std::vector<Backdrop> &allBackdrops();
const std::vector<Motion> &allMotions();

// The words the prompts use.
std::string shapeWord(Shape shape);
std::string colourWord(Colour colour);
std::string backdropWord(Backdrop backdrop);
std::string motionPhrase(Motion motion);

// sRGB of each colour: the palette the drawing uses and the reading compares against.
struct Rgb
{
    double r = 0, g = 0, b = 0;
};
Rgb colourRgb(Colour colour);
Rgb backdropRgb(Backdrop backdrop);

struct ToyScene
{
    Shape shape = Shape::Square;
    Colour colour = Colour::Red;
    Backdrop backdrop = Backdrop::Grey;
    Motion motion = Motion::Circle;
    // Variation that the prompt does not name, as fractions of the frame: where the path sits
    // and the shape's size; `phase` is where a circle starts (radians).
    double offsetX = 0.0;
    double offsetY = 0.0;
    double size = 0.34;
    double phase = 0.0;
    // Whether the prompt names the motion: "a red square on a grey background" leaves it to
    // the model (the toy model learns both, so a target prompt can leave motion to the source).
    bool motionNamed = true;
};

// "a red square moving in a circle on a grey background" ("a red square on a grey background"
// when the motion is not named).
std::string promptFor(const ToyScene &scene);
// The scene a prompt names (offsets at their defaults; Still when no motion is named); nullopt
// when it is not a toy prompt.
std::optional<ToyScene> sceneFromPrompt(const std::string &prompt);

// Scene `index` of a dataset drawn with `seed`: it cycles through every combination of shape,
// colour, backdrop and motion and draws the unnamed variation from the seed; one prompt in four
// leaves the motion unnamed.
ToyScene datasetScene(uint64_t seed, int index);

// The shape's centre, in pixels, at frame `frame` of `frames`.
struct ShapePose
{
    double x = 0, y = 0;
};
ShapePose poseAt(const ToyScene &scene, int frame, int frames, int width, int height);

// The clip, antialiased; frames >= 1, sizes >= 16.
VideoFrames drawToyClip(const ToyScene &scene, int width, int height, int frames, double fps);

} // namespace mbq::toy
