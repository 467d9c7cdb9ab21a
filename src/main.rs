fn main() {
    care_app::start();
}
