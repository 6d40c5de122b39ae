#pragma once

#include "widgets/colourmap.h"

#include <QLineF>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

namespace latentlens::widgets {

/// Shows one float plane through a colour map and a display range (contrast), zoom with the
/// wheel around the cursor, pan by dragging, and reports the pixel under the cursor.
/// Shift-dragging draws a line (the comparison grid's line profile).
class ImageView : public QWidget
{
    Q_OBJECT

public:
    /// What part of the image is shown: the zoom (widget pixels per image pixel) and the
    /// image point at the widget's centre. Views of the same size share it to stay in step.
    struct ViewState
    {
        double zoom = 1.0;
        QPointF centre;
        bool fitted = true; ///< follows the widget's size (fit to window)
    };

    explicit ImageView(QWidget* parent = nullptr);

    /// Shows `values` (width x height, x fastest). Keeps the zoom when the size is unchanged.
    void setImage(int width, int height, std::vector<float> values);
    void clear();
    bool hasImage() const { return mWidth > 0; }
    int imageWidth() const { return mWidth; }
    int imageHeight() const { return mHeight; }
    const std::vector<float>& values() const { return mValues; }
    /// The image pixels the widget shows (may extend beyond the image).
    QRectF visibleImageRect() const;
    /// The value at pixel (x, y); NaN outside the image.
    float valueAt(int x, int y) const;

    /// Sets the values shown as black and white.
    void setDisplayRange(float low, float high);
    /// Sets the display range to the given percentiles of the finite values (default 0.1-99.9).
    void autoContrast(double lowPercentile = 0.1, double highPercentile = 99.9);
    float displayLow() const { return mLow; }
    float displayHigh() const { return mHigh; }

    void setColourMap(ColourMap map);
    ColourMap colourMap() const { return mColourMap; }

    ViewState viewState() const;
    /// Shows the given part of the image; emits nothing (it is how synchronised views follow).
    void setViewState(const ViewState& state);

    /// A marked pixel (a small cross), e.g. the pixel under the cursor in another view.
    void setMarker(std::optional<QPoint> pixel);
    /// The profile line drawn on the image (image coordinates); a null line hides it.
    void setProfileLine(const QLineF& line);
    QLineF profileLine() const { return mLine; }

    /// Text shown while there is no image.
    void setPlaceholderText(const QString& text);
    QString placeholderText() const { return mPlaceholder; }

    double zoom() const { return mZoom; }
    /// Image pixel under a widget position (may be outside the image).
    QPointF widgetToImage(const QPointF& position) const;
    /// Fits the whole image in the widget.
    void fitToWindow();

    /// The picture as displayed (image pixels, display range applied), for tests and export.
    QImage renderedImage() const;

signals:
    void pixelHovered(int x, int y, float value);
    void pixelLeft();
    void displayRangeChanged(float low, float high);
    /// The user zoomed, panned or fitted the view.
    void viewChanged(const latentlens::widgets::ImageView::ViewState& state);
    /// The user drew a line with Shift held (image coordinates).
    void lineDrawn(const QLineF& line);

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuildPixmap();
    void userChangedView();

    int mWidth = 0;
    int mHeight = 0;
    std::vector<float> mValues;
    float mLow = 0.0f;
    float mHigh = 1.0f;
    QImage mRendered;
    double mZoom = 1.0;
    QPointF mOffset; // widget position of image pixel (0, 0)
    bool mFitted = true;
    bool mDragging = false;
    QPointF mDragStart;
    QPointF mOffsetAtDragStart;
    QString mPlaceholder;
    ColourMap mColourMap = ColourMap::Grey;
    std::optional<QPoint> mMarker;
    QLineF mLine;
    bool mDrawingLine = false;
};

} // namespace latentlens::widgets
