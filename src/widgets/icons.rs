//! Inline SVG icons: no icon font, no image requests. Each is decorative (`aria-hidden`)
//! because a text label always sits beside it.

use leptos::prelude::*;

/// Which picture to draw. Paths are 24 x 24, drawn with a 2 px stroke in currentColor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IconKind {
    Home,
    Gift,
    Chat,
    Feedback,
    User,
    Settings,
    Phone,
    Heart,
    TextSize,
    Back,
    Alert,
    Check,
    Close,
    Star,
    Compass,
    Clock,
    /// Mobile data: signal bars.
    Signal,
    /// Rural-support produce: a leaf.
    Leaf,
    /// A parcel: delivery.
    Parcel,
    Search,
    Plus,
    Minus,
    /// A photo to add.
    Camera,
    /// An enquiry.
    Question,
    /// A suggestion: a light bulb.
    Bulb,
    /// Read aloud: a speaker with sound waves.
    Speaker,
    Pause,
    /// Go on (reading): a triangle.
    Play,
    Stop,
}

impl IconKind {
    fn paths(self) -> &'static [&'static str] {
        match self {
            IconKind::Home => &["M3 11 12 3l9 8", "M5 10v10h5v-6h4v6h5V10"],
            IconKind::Gift => &["M3 9h18v4H3z", "M5 13v8h14v-8", "M12 9v12", "M12 9C10 5 6 5 7.5 8 8 9 12 9 12 9", "M12 9c2-4 6-4 4.5-1-.5 1-4.5 1-4.5 1"],
            IconKind::Chat => &["M4 5h16v11H9l-5 4z", "M8 9h8", "M8 12h5"],
            IconKind::Feedback => &["M5 3h10l4 4v14H5z", "M14 3v5h5", "M8 12h8", "M8 16h5"],
            IconKind::User => &["M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z", "M4 21c1-4 4-6 8-6s7 2 8 6"],
            IconKind::Settings => &["M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z", "M12 2v3M12 19v3M4.9 4.9 7 7M17 17l2.1 2.1M2 12h3M19 12h3M4.9 19.1 7 17M17 7l2.1-2.1"],
            IconKind::Phone => &["M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z"],
            IconKind::Heart => &["M12 20s-8-5-8-11a4.5 4.5 0 0 1 8-2.8A4.5 4.5 0 0 1 20 9c0 6-8 11-8 11z"],
            IconKind::TextSize => &["M3 19 8 6l5 13", "M4.8 15h6.4", "M14 19l3.5-9 3.5 9", "M15.2 16h4.6"],
            IconKind::Back => &["M15 5l-7 7 7 7"],
            IconKind::Alert => &["M12 3 2 20h20z", "M12 10v4", "M12 17v.5"],
            IconKind::Check => &["M4 12l5 5L20 6"],
            IconKind::Close => &["M6 6l12 12", "M18 6 6 18"],
            IconKind::Star => &["M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z"],
            IconKind::Compass => &["M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z", "M15.5 8.5l-2 5-5 2 2-5z"],
            IconKind::Clock => &["M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z", "M12 7v5l3 3"],
            IconKind::Signal => &["M4 20v-3", "M9 20v-7", "M14 20V9", "M19 20V4"],
            IconKind::Leaf => &["M5 19C5 10 11 5 20 4c0 9-5 15-14 15z", "M5 19 13 11"],
            IconKind::Parcel => &["M3 7l9-4 9 4v10l-9 4-9-4z", "M3 7l9 4 9-4", "M12 11v10"],
            IconKind::Search => &["M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z", "M16 16l5 5"],
            IconKind::Plus => &["M12 5v14", "M5 12h14"],
            IconKind::Minus => &["M5 12h14"],
            IconKind::Camera => &["M4 8h3l2-3h6l2 3h3v11H4z", "M12 17a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z"],
            IconKind::Question => &["M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z", "M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7", "M12 17v.5"],
            IconKind::Speaker => &["M4 9h4l5-4v14l-5-4H4z", "M16 9a4 4 0 0 1 0 6", "M18.5 6.5a7.5 7.5 0 0 1 0 11"],
            IconKind::Pause => &["M8 5v14", "M16 5v14"],
            IconKind::Play => &["M7 4l13 8-13 8z"],
            IconKind::Stop => &["M6 6h12v12H6z"],
            IconKind::Bulb => &["M9 18h6", "M10 21h4", "M12 3a6 6 0 0 0-3.5 10.9c.4.3.5.7.5 1.1v1h6v-1c0-.4.2-.8.5-1.1A6 6 0 0 0 12 3z"],
        }
    }
}

#[component]
pub fn Icon(kind: IconKind) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            {kind.paths().iter().map(|d| view! { <path d=*d /> }).collect_view()}
        </svg>
    }
}
