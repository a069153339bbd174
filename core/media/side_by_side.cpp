#include "core/media/side_by_side.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace mbq {

namespace {

constexpr int kLabelBar = 28;

std::string asciiLabel(const QString &label)
{
    std::string text;
    for (const QChar c : label)
        text += c.unicode() >= 0x20 && c.unicode() < 0x7f ? char(c.unicode()) : '?';
    return text;
}

} // namespace

Result<VideoFrames> sideBySide(const std::vector<ComparePanel> &panels, int gap)
{
    for (const ComparePanel &p : panels) {
        if (!p.frames || p.frames->empty())
            return makeError(ErrorCode::InvalidArgument,
                             QCoreApplication::translate("mbq::Media",
                                                         "Cannot compare: %1 has no frames")
                                 .arg(p.label)
                                 .toStdString());
    }
    if (panels.empty())
        return makeError(ErrorCode::InvalidArgument, "Cannot compare: no clips");
    const int panelHeight = panels.front().frames->height;
    std::vector<int> widths;
    int width = 0;
    int count = 0;
    for (const ComparePanel &p : panels) {
        widths.push_back(std::max(1, int(std::lround(double(p.frames->width) * panelHeight
                                                     / p.frames->height))));
        width += widths.back();
        count = std::max(count, p.frames->count);
    }
    width += gap * int(panels.size() - 1);
    VideoFrames out;
    out.width = (width + 1) / 2 * 2;
    out.height = (panelHeight + kLabelBar + 1) / 2 * 2;
    out.fps = panels.front().frames->fps;
    out.count = count;
    out.rgb.assign(out.frameBytes() * size_t(count), 0);

    for (int f = 0; f < count; ++f) {
        cv::Mat canvas(out.height, out.width, CV_8UC3, out.frame(f));
        int x = 0;
        for (size_t i = 0; i < panels.size(); ++i) {
            const VideoFrames &clip = *panels[i].frames;
            const int source = std::min(f, clip.count - 1);
            const cv::Mat frame(clip.height, clip.width, CV_8UC3,
                                const_cast<uint8_t *>(clip.frame(source)));
            cv::Mat target = canvas(cv::Rect(x, kLabelBar, widths[i], panelHeight));
            if (frame.size() == target.size())
                frame.copyTo(target);
            else
                cv::resize(frame, target, target.size(), 0, 0, cv::INTER_AREA);
            cv::putText(canvas, asciiLabel(panels[i].label), cv::Point(x + 6, kLabelBar - 9),
                        cv::FONT_HERSHEY_SIMPLEX, 0.55, cv::Scalar(235, 235, 235), 1,
                        cv::LINE_AA);
            x += widths[i] + gap;
        }
    }
    return out;
}

} // namespace mbq
